import type { HttpResponse, Pacer } from './types';

export interface WindowPacerOptions {
	/**
	 * Wait after a response without usable rate-limit headers. Spacing requests by period ÷ limit
	 * stays within any window model for a single client.
	 */
	fallbackMs?: number;
}

const count = (value: string | undefined) =>
	value !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;

/**
 * Pacing from `X-RateLimit-Limit` / `-Remaining` / `-Decay-Period` (seconds):
 * - requests left in the window (remaining > 0): send the next one at once;
 * - none left: wait one whole decay period. The server does not say when its window resets, but
 *   the window started no later than the request just answered, so after one period the budget is
 *   whole again, whether the window is fixed, sliding, a token bucket, or restarted by every hit;
 * - a refusal that carries `Retry-After`: no pause here, the retry waits what the server asked.
 * The limit only confirms the header set is sane (remaining can never exceed it).
 * Over a long run this sends `limit` requests per period plus the time the requests take.
 */
export function windowPacer(options: WindowPacerOptions = {}): Pacer {
	const fallback = options.fallbackMs ?? 0;
	return (response: HttpResponse) => {
		const { headers } = response;
		if (response.statusCode === 429 && headers['retry-after']) return 0;
		const limit = count(headers['x-ratelimit-limit']);
		const remaining = count(headers['x-ratelimit-remaining']);
		const period = count(headers['x-ratelimit-decay-period']);
		if (remaining === undefined || period === undefined) return fallback;
		if (limit !== undefined && remaining > limit) return fallback;
		return remaining > 0 ? 0 : Math.ceil(period * 1000);
	};
}

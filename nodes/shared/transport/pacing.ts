import { serverWaitMs } from './retry';
import type { HttpResponse, Pacer } from './types';

export interface WindowPacerOptions {
	/**
	 * Wait after a response without usable rate-limit headers. Spacing requests by period ÷ limit
	 * stays within any window model for a single client.
	 */
	fallbackMs?: number;
	/** Upper bound on one pause, so a reset header from a skewed clock cannot stall a workflow. */
	maxWaitMs?: number;
}

const count = (value: string | undefined) =>
	value !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;

/** Requests the `X-RateLimit-Remaining` header says are left in the window, if it says. */
export function rateLimitRemaining(headers: Record<string, string>): number | undefined {
	const remaining = count(headers['x-ratelimit-remaining']);
	const limit = count(headers['x-ratelimit-limit']);
	return remaining !== undefined && (limit === undefined || remaining <= limit)
		? Math.floor(remaining)
		: undefined;
}

/**
 * Pacing from `X-RateLimit-Limit` / `-Remaining`, plus `-Reset` (epoch seconds) or
 * `-Decay-Period` (seconds):
 * - requests left in the window (remaining > 0): send the next one at once;
 * - none left: wait until the reset time the server gives; without one, wait one whole decay
 *   period. The window started no later than the request just answered, so after one period the
 *   budget is whole again, whether the window is fixed, sliding, a token bucket, or restarted by
 *   every hit;
 * - a refusal that names its own wait (`Retry-After` or a reset time): no pause here, the retry
 *   waits what the server asked.
 * The limit only confirms the header set is sane (remaining can never exceed it).
 * Over a long run this sends `limit` requests per window plus the time the requests take.
 */
export function windowPacer(options: WindowPacerOptions = {}): Pacer {
	const fallback = options.fallbackMs ?? 0;
	const cap = options.maxWaitMs ?? 60_000;
	return (response: HttpResponse) => {
		const { headers } = response;
		const serverWait = serverWaitMs(headers, Date.now());
		if (response.statusCode === 429 && serverWait !== undefined) return 0;
		const limit = count(headers['x-ratelimit-limit']);
		const remaining = count(headers['x-ratelimit-remaining']);
		const period = count(headers['x-ratelimit-decay-period']);
		if (remaining === undefined) return fallback;
		if (limit !== undefined && remaining > limit) return fallback;
		if (remaining > 0) return 0;
		const wait = headers['x-ratelimit-reset'] ? serverWait : undefined;
		if (wait !== undefined) return Math.min(wait, cap);
		return period === undefined ? fallback : Math.min(Math.ceil(period * 1000), cap);
	};
}

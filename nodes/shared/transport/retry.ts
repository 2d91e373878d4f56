import type { RetryPolicy } from './types';

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 5,
	maxTotalWaitMs: 120_000,
	maxRateLimitWaitMs: 600_000,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
	retryStatuses: [429, 502, 503, 504],
};

/**
 * The wait the server asked for: `Retry-After` (seconds or HTTP date) first, then a rate-limit
 * reset header in UTC epoch seconds. Undefined when the server said nothing usable.
 */
export function serverWaitMs(headers: Record<string, string>, now: number): number | undefined {
	const retryAfter = headers['retry-after']?.trim();
	if (retryAfter) {
		if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = headers['x-ratelimit-reset']?.trim();
	if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
	return undefined;
}

/** Capped exponential backoff with jitter in [50 %, 100 %] of the step, so clients spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(step * (0.5 + random() / 2));
}

export interface FailedAttempt {
	/** 1 for the first try. */
	attempt: number;
	/** HTTP status, or undefined when the request never got an answer. */
	statusCode?: number;
	headers: Record<string, string>;
	/** Whether the request can be sent again without risk of a second effect. */
	idempotent: boolean;
	/** Time already spent waiting for this request. */
	waitedMs: number;
}

/**
 * How long to wait before trying again, or undefined to give up.
 * A 429 means the server refused the request, so even a POST may be repeated; a 5xx or a lost
 * connection may mean it ran, so only idempotent requests are repeated then.
 */
export function retryDelayMs(
	failure: FailedAttempt,
	policy: RetryPolicy,
	now: number,
	random: () => number,
): number | undefined {
	if (failure.attempt >= policy.maxAttempts) return undefined;
	const { statusCode } = failure;
	const retryable =
		statusCode === undefined
			? failure.idempotent
			: policy.retryStatuses.includes(statusCode) && (statusCode === 429 || failure.idempotent);
	if (!retryable) return undefined;
	const asked = serverWaitMs(failure.headers, now);
	const delay = asked ?? backoffMs(failure.attempt, policy, random);
	if (failure.waitedMs + delay > policy.maxTotalWaitMs) return undefined;
	return delay;
}

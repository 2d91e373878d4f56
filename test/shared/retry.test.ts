import {
	backoffMs,
	defaultRetryPolicy,
	retryDelayMs,
	serverWaitMs,
} from '../../nodes/shared/transport/retry';

const now = Date.parse('2026-11-23T12:00:00Z');
const policy = defaultRetryPolicy;
const half = () => 0.5;

describe('serverWaitMs', () => {
	it.each([
		['Retry-After in seconds', { 'retry-after': '7' }, 7000],
		['Retry-After with a fraction', { 'retry-after': '1.5' }, 1500],
		['Retry-After as an HTTP date', { 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT' }, 30_000],
		['Retry-After date in the past', { 'retry-after': 'Mon, 23 Nov 2026 11:59:00 GMT' }, 0],
		['reset header in epoch seconds', { 'x-ratelimit-reset': String(now / 1000 + 12) }, 12_000],
		[
			'Retry-After wins over reset',
			{ 'retry-after': '2', 'x-ratelimit-reset': String(now / 1000 + 60) },
			2000,
		],
		['nothing usable', { 'retry-after': 'soon' }, undefined],
		['no headers', {}, undefined],
	])('%s', (_, headers, expected) => {
		expect(serverWaitMs(headers, now)).toBe(expected);
	});
});

describe('backoffMs', () => {
	it('doubles per attempt up to the cap, with jitter between half and all of the step', () => {
		expect(backoffMs(1, policy, () => 0)).toBe(500);
		expect(backoffMs(1, policy, () => 1)).toBe(1000);
		expect(backoffMs(3, policy, () => 1)).toBe(4000);
		expect(backoffMs(20, policy, () => 1)).toBe(policy.maxDelayMs);
	});
});

describe('retryDelayMs', () => {
	const base = { attempt: 1, headers: {}, idempotent: true, waitedMs: 0 };

	it.each([
		[
			'429 on GET, Retry-After',
			{ ...base, statusCode: 429, headers: { 'retry-after': '3' } },
			3000,
		],
		[
			'429 on POST: the request was refused, so repeating it is safe',
			{ ...base, statusCode: 429, idempotent: false },
			750,
		],
		['503 on GET', { ...base, statusCode: 503 }, 750],
		['502 on PUT', { ...base, statusCode: 502 }, 750],
		['504 on GET, second attempt', { ...base, attempt: 2, statusCode: 504 }, 1500],
		['503 on POST: it may have run', { ...base, statusCode: 503, idempotent: false }, undefined],
		['500 is not retried', { ...base, statusCode: 500 }, undefined],
		['404 is not retried', { ...base, statusCode: 404 }, undefined],
		['401 is not retried', { ...base, statusCode: 401 }, undefined],
		['network error on GET', { ...base }, 750],
		['network error on POST', { ...base, idempotent: false }, undefined],
		['last attempt', { ...base, attempt: policy.maxAttempts, statusCode: 503 }, undefined],
		[
			'wait would pass the total bound',
			{ ...base, statusCode: 429, headers: { 'retry-after': '600' } },
			undefined,
		],
		[
			'already waited nearly all',
			{ ...base, statusCode: 503, waitedMs: policy.maxTotalWaitMs - 100 },
			undefined,
		],
	])('%s', (_, failure, expected) => {
		expect(retryDelayMs(failure, policy, now, half)).toBe(expected);
	});
});

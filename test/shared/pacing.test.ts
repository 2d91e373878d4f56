import { windowPacer } from '../../nodes/shared/transport/pacing';
import type { HttpResponse } from '../../nodes/shared/transport/types';

const response = (statusCode: number, headers: Record<string, string>): HttpResponse => ({
	statusCode,
	headers,
	body: {},
});

const window = (limit: string, remaining: string, period: string) => ({
	'x-ratelimit-limit': limit,
	'x-ratelimit-remaining': remaining,
	'x-ratelimit-decay-period': period,
});

describe('windowPacer', () => {
	const pace = windowPacer({ fallbackMs: 1_000 });

	test.each([
		['requests left: no wait', 200, window('5', '4', '5'), 0],
		['the last one left: still no wait', 200, window('5', '1', '5'), 0],
		['none left: one whole decay period', 200, window('5', '0', '5'), 5_000],
		['none left, fractional period rounded up', 201, window('10', '0', '2.5'), 2_500],
		[
			'none left, limit header absent',
			200,
			{ 'x-ratelimit-remaining': '0', 'x-ratelimit-decay-period': '60' },
			60_000,
		],
		[
			'429 with Retry-After: the retry waits, not the pacer',
			429,
			{ ...window('5', '0', '5'), 'retry-after': '3' },
			0,
		],
		['429 without Retry-After: one decay period', 429, window('5', '0', '5'), 5_000],
		['no rate-limit headers: the fallback spacing', 200, {}, 1_000],
		['remaining without a period: the fallback', 200, { 'x-ratelimit-remaining': '0' }, 1_000],
		['unparseable remaining: the fallback', 200, window('5', 'many', '5'), 1_000],
		[
			'remaining above the limit (not a sane header set): the fallback',
			200,
			window('5', '9', '5'),
			1_000,
		],
	])('%s', (_name, status, headers, expected) => {
		expect(pace(response(status, headers))).toBe(expected);
	});

	test('without a fallback, missing headers mean no wait', () => {
		expect(windowPacer()(response(200, {}))).toBe(0);
	});
});

describe('windowPacer with a reset time (epoch seconds)', () => {
	const now = Date.parse('2026-11-23T12:00:00Z');
	const reset = (seconds: number) => String(now / 1000 + seconds);
	beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
	afterEach(() => jest.restoreAllMocks());

	test.each([
		[
			'none left: wait until the reset',
			200,
			{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(8) },
			8_000,
		],
		[
			'the reset wins over the decay period',
			200,
			{
				...{ 'x-ratelimit-remaining': '0', 'x-ratelimit-decay-period': '60' },
				'x-ratelimit-reset': reset(8),
			},
			8_000,
		],
		[
			'requests left: no wait despite a reset',
			200,
			{ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': reset(8) },
			0,
		],
		[
			'a reset far away is capped',
			200,
			{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(3_600) },
			60_000,
		],
		[
			'429 with a reset: the retry waits, not the pacer',
			429,
			{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(8) },
			0,
		],
	])('%s', (_, status, headers, expected) => {
		expect(windowPacer()(response(status, headers))).toBe(expected);
	});
});

import { sleep } from 'n8n-workflow';
import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../harness/run';

// base64("key-1:X"): the API key as Basic user name, a fixed non-empty password.
const basicAuth = 'Basic a2V5LTE6WA==';
const limit = 5;
const periodMs = 5_000;
const latencyMs = 50;

/**
 * How the server counts, none of which the headers reveal: a window that starts with its first
 * request, a sliding window, or a window that every request (refused ones too) starts again.
 */
type Model = 'fixed' | 'sliding' | 'restarted';

interface Stats {
	accepted: number;
	refused: number;
}

/** A virtual clock: only the fake sleep and the simulated latency move it. */
const clock = { now: 0 };

beforeEach(() => {
	clock.now = 1_700_000_000_000;
	jest.spyOn(Date, 'now').mockImplementation(() => clock.now);
	jest.mocked(sleep).mockClear();
	jest.mocked(sleep).mockImplementation(async (ms = 0) => {
		clock.now += ms;
	});
});

afterEach(() => {
	jest.restoreAllMocks();
	jest.mocked(sleep).mockImplementation(async () => {});
});

/** Admission by the model; `foreign` marks requests of another app spending the same key. */
function limiter(model: Model) {
	let hits: number[] = [];
	let windowStart = -Infinity;
	let lastHit = -Infinity;
	return (now: number): { ok: boolean; remaining: number; retryAfterMs: number } => {
		if (model === 'sliding') {
			hits = hits.filter((time) => time > now - periodMs);
			if (hits.length >= limit)
				return { ok: false, remaining: 0, retryAfterMs: hits[0] + periodMs - now };
			hits.push(now);
			return { ok: true, remaining: limit - hits.length, retryAfterMs: 0 };
		}
		if (model === 'fixed') {
			if (now >= windowStart + periodMs) [windowStart, hits] = [now, []];
			if (hits.length >= limit)
				return { ok: false, remaining: 0, retryAfterMs: windowStart + periodMs - now };
			hits.push(now);
			return { ok: true, remaining: limit - hits.length, retryAfterMs: 0 };
		}
		if (now - lastHit >= periodMs) hits = [];
		lastHit = now;
		if (hits.length >= limit) return { ok: false, remaining: 0, retryAfterMs: periodMs };
		hits.push(now);
		return { ok: true, remaining: limit - hits.length, retryAfterMs: 0 };
	};
}

/** A Paymo stand-in: answers `body(url)` while the limiter admits, else 429 + Retry-After. */
function rateLimitedServer(
	model: Model,
	body: (url: URL) => IDataObject,
	foreignHitBefore: (request: number) => boolean = () => false,
) {
	const admit = limiter(model);
	const stats: Stats = { accepted: 0, refused: 0 };
	let requests = 0;
	nock('https://app.paymoapp.com', { reqheaders: { authorization: basicAuth } })
		.get((uri) => uri.startsWith('/api/userstasks'))
		.times(10_000)
		.optionally()
		.reply((request: Request) => {
			requests++;
			if (foreignHitBefore(requests)) admit(clock.now);
			const decision = admit(clock.now);
			clock.now += latencyMs;
			const headers = {
				'X-Ratelimit-Limit': String(limit),
				'X-Ratelimit-Remaining': String(decision.remaining),
				'X-Ratelimit-Decay-Period': String(periodMs / 1000),
			};
			if (!decision.ok) {
				stats.refused++;
				const retryAfter = String(Math.ceil(decision.retryAfterMs / 1000));
				return [429, { message: 'Too Many Requests' }, { ...headers, 'Retry-After': retryAfter }];
			}
			stats.accepted++;
			return [200, body(new URL(request.url)), headers];
		});
	return stats;
}

const run = async (parameters: Record<string, NodeParameterValueType>, items?: IDataObject[]) =>
	await runNode({
		node: 'paymo',
		parameters: { resource: 'assignment', ...parameters },
		credentials: { paymoApi: { apiKey: 'key-1' } },
		items,
	});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** The least time `requests` can take at `limit` per period, whatever the window model. */
const floorMs = (requests: number) => (Math.ceil(requests / limit) - 1) * periodMs;

describe.each<Model>(['fixed', 'sliding', 'restarted'])('paced to a %s window', (model) => {
	test('200 input items (Get): no 429 at all, about the allowed rate', async () => {
		const stats = rateLimitedServer(model, (url) => ({
			userstasks: [{ id: Number(url.pathname.split('/').pop()) }],
		}));
		const started = clock.now;
		const result = await run(
			{ operation: 'get', assignmentId: '={{ $json.id }}' },
			range(1, 200).map((id) => ({ id })),
		);
		const elapsed = clock.now - started;
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(range(1, 200));
		expect(stats).toEqual({ accepted: 200, refused: 0 });
		// 39 pauses of one decay period, one after each burst of 5 but the last.
		expect(jest.mocked(sleep).mock.calls).toEqual(Array.from({ length: 39 }, () => [periodMs]));
		expect(elapsed).toBeGreaterThanOrEqual(floorMs(200));
		expect(elapsed).toBeLessThanOrEqual(floorMs(200) * 1.1);
	});

	test('Return All over 25 pages: no 429, every record once, about the allowed rate', async () => {
		const total = 2_437;
		const stats = rateLimitedServer(model, (url) => {
			const page = Number(url.searchParams.get('page'));
			const size = Number(url.searchParams.get('page_size'));
			const first = page * size + 1;
			return {
				userstasks: range(first, Math.max(0, Math.min(size, total - first + 1))).map((id) => ({
					id,
				})),
			};
		});
		const started = clock.now;
		const result = await run({
			operation: 'getAll',
			filterBy: 'task',
			taskId: { __rl: true, mode: 'id', value: '1536' },
			returnAll: true,
		});
		const elapsed = clock.now - started;
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(range(1, total));
		expect(stats).toEqual({ accepted: 25, refused: 0 });
		expect(elapsed).toBeGreaterThanOrEqual(floorMs(25));
		expect(elapsed).toBeLessThanOrEqual(floorMs(25) * 1.1);
	});

	test('another app spending the same key: each 429 is waited out, items neither lost nor repeated', async () => {
		const stats = rateLimitedServer(
			model,
			(url) => ({ userstasks: [{ id: Number(url.pathname.split('/').pop()) }] }),
			(request) => request % 7 === 0,
		);
		const result = await run(
			{ operation: 'get', assignmentId: '={{ $json.id }}' },
			range(1, 60).map((id) => ({ id })),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(range(1, 60));
		expect(stats.accepted).toBe(60);
		// No storm: refusals stay a small share of the traffic, each followed by a success.
		expect(stats.refused).toBeGreaterThan(0);
		expect(stats.refused).toBeLessThanOrEqual(Math.ceil(60 / 7) + 2);
	});
});

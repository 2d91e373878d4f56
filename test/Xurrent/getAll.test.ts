import { sleep } from 'n8n-workflow';
import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../harness/run';

const origin = 'https://api.xurrent.com';
const listPath = '/v1/project_tasks/5/assignments';
const token = 'dummy-xurrent-pat-71c2';
const credentials = { xurrentApi: { accessToken: token, accountId: 'widget' } };

const api = () =>
	nock(origin, {
		reqheaders: { authorization: `Bearer ${token}`, 'x-xurrent-account': 'widget' },
		badheaders: ['x-4me-account'],
	});

const run = (parameters: Record<string, NodeParameterValueType>) =>
	runNode({
		node: 'xurrent',
		parameters: {
			resource: 'assignment',
			operation: 'getAll',
			taskId: { __rl: true, mode: 'id', value: '5' },
			...parameters,
		},
		credentials,
	});

/** Assignments shaped like the documented list example. */
const assignment = (id: number): IDataObject => ({
	assignee: {
		id: 156,
		name: 'Ellen Brown',
		account: { id: 'widget', name: 'Widget International' },
	},
	attachment: null,
	created_at: '2016-12-23T05:09:09-06:00',
	id,
	planned_effort: 240,
	status: 'assigned',
	updated_at: '2017-01-19T13:34:25-06:00',
	waiting_until: null,
	account: { id: 'widget', name: 'Widget International' },
});
const records = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => assignment(from + index));

/** A `Link` header as the docs show it: first and prev except on page 1, next except on the last. */
function link(perPage: number, cursors: { before?: string; after?: string }) {
	const url = (query: string) => `<${origin}${listPath}?per_page=${perPage}${query}>`;
	const parts = [];
	if (cursors.before) {
		parts.push(`${url('')}; rel="first"`, `${url(`&search_before=${cursors.before}`)}; rel="prev"`);
	}
	if (cursors.after) parts.push(`${url(`&search_after=${cursors.after}`)}; rel="next"`);
	return { Link: parts.join(', '), 'X-Pagination-Per-Page': String(perPage) };
}

function requestsMade() {
	const seen: string[] = [];
	nock.emitter.on('no match', (request: { method?: string; url?: string }) =>
		seen.push(`${request.method} ${request.url}`),
	);
	return seen;
}

afterEach(() => nock.emitter.removeAllListeners('no match'));

describe('Xurrent › Get Many', () => {
	it('Return All follows the Link header’s next cursor over several pages, 100 per page', async () => {
		const pages = [records(1, 100), records(101, 100), records(201, 37)];
		api()
			.get(listPath)
			.query({ per_page: '100' })
			.reply(200, pages[0], link(100, { after: 'eyJvZmZzZXQiOjEwMH0' }))
			.get(listPath)
			.query({ per_page: '100', search_after: 'eyJvZmZzZXQiOjEwMH0' })
			.reply(200, pages[1], link(100, { before: 'cHJldjE', after: 'eyJvZmZzZXQiOjIwMH0' }))
			.get(listPath)
			.query({ per_page: '100', search_after: 'eyJvZmZzZXQiOjIwMH0' })
			.reply(200, pages[2], link(100, { before: 'cHJldjI' }));
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual(pages.flat());
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(
			true,
		);
	});

	it('stops when the answer has no Link header at all', async () => {
		api().get(listPath).query({ per_page: '100' }).reply(200, records(1, 2));
		const result = await run({ returnAll: true });
		expect(result.items.map((item) => item.json.id)).toEqual([1, 2]);
	});

	it('stops when the Link header has first and prev but no next', async () => {
		api()
			.get(listPath)
			.query({ per_page: '100' })
			.reply(200, records(1, 100), link(100, { before: 'cHJldg' }));
		const result = await run({ returnAll: true });
		expect(result.items).toHaveLength(100);
	});

	it('returns no items for a task without assignments', async () => {
		api().get(listPath).query({ per_page: '100' }).reply(200, []);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('asks for per_page = Limit below 100 and makes one request', async () => {
		api()
			.get(listPath)
			.query({ per_page: '30' })
			.reply(200, records(1, 30), link(30, { after: 'bmV4dA' }));
		const result = await run({ returnAll: false, limit: 30 });
		expect(result.items.map((item) => item.json.id)).toEqual(records(1, 30).map((r) => r.id));
	});

	it('caps per_page at 100 and stops inside the second page once it has the Limit', async () => {
		api()
			.get(listPath)
			.query({ per_page: '100' })
			.reply(200, records(1, 100), link(100, { after: 'cDI' }))
			.get(listPath)
			.query({ per_page: '100', search_after: 'cDI' })
			.reply(200, records(101, 100), link(100, { before: 'cDE', after: 'cDM' }));
		const result = await run({ returnAll: false, limit: 150 });
		expect(result.items.map((item) => item.json.id)).toEqual(records(1, 150).map((r) => r.id));
	});

	it.each([
		['another host', 'https://evil.example.com/v1/project_tasks/5/assignments?search_after=x'],
		['plain http on the same host', 'http://api.xurrent.com/v1/project_tasks/5/assignments?x=1'],
	])('refuses a next link to %s and sends nothing there', async (_, next) => {
		const seen = requestsMade();
		api()
			.get(listPath)
			.query({ per_page: '100' })
			.reply(200, records(1, 100), { Link: `<${next}>; rel="next"` });
		const result = await run({ returnAll: true });
		expect(result.error?.message).toMatch(/next-page link to another host/);
		expect(result.error?.description).toContain('https://api.xurrent.com');
		expect(seen).toEqual([]);
	});

	it.each([
		['5/../6', /Project Task ID must be a positive whole number, got "5\/..\/6" \[item 0\]/],
		['={{ $json.nothing }}', /Project Task ID is empty \[item 0\]/],
	])('refuses Project Task ID %s without a request', async (taskId, message) => {
		const seen = requestsMade();
		const result = await run({ taskId, returnAll: true });
		expect(result.error?.message).toMatch(message);
		expect(seen).toEqual([]);
	});

	it('refuses a Limit of 0 from an expression without a request', async () => {
		const seen = requestsMade();
		const result = await run({ returnAll: false, limit: '={{ 0 }}' });
		expect(result.error?.message).toBe('Limit must be a whole number 1 or more, got 0 [item 0]');
		expect(seen).toEqual([]);
	});
});

describe('Xurrent › pacing from the rate-limit headers', () => {
	it('waits for x-ratelimit-reset when a page leaves no budget, and not while budget remains', async () => {
		const resetAt = Math.ceil(Date.now() / 1000) + 20;
		const budget = (remaining: number) => ({
			'x-ratelimit-limit': '3600',
			'x-ratelimit-remaining': String(remaining),
			'x-ratelimit-reset': String(resetAt),
		});
		api()
			.get(listPath)
			.query({ per_page: '100' })
			.reply(200, records(1, 100), { ...link(100, { after: 'c1' }), ...budget(1) })
			.get(listPath)
			.query({ per_page: '100', search_after: 'c1' })
			.reply(200, records(101, 100), { ...link(100, { before: 'c0', after: 'c2' }), ...budget(0) })
			.get(listPath)
			.query({ per_page: '100', search_after: 'c2' })
			.reply(200, records(201, 5), { ...link(100, { before: 'c1' }), ...budget(3599) });
		jest.mocked(sleep).mockClear();

		const result = await run({ returnAll: true });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(205);
		// One wait, before page 3: until the reset (20–21 s from the start of the test).
		const waits = jest.mocked(sleep).mock.calls.map(([ms]) => ms);
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThan(15_000);
		expect(waits[0]).toBeLessThanOrEqual(21_000);
	});
});

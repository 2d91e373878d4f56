import { api, assignment, envelope, pairing, run } from '../KantataOx/fixtures';

// Issue 20: the router runs several items' requests at once (Request Options → Concurrency),
// keeping output order, pairing, continue-on-fail and the first failure's error.

/**
 * Kantata Get answers for IDs 1…count, each held back `delayOf(id)` ms. Records when each request
 * arrived, so the most requests in flight at once can be told afterwards.
 */
function answers(
	count: number,
	delayOf: (id: number) => number,
	status: (id: number) => number = () => 200,
) {
	const arrivals: Array<{ id: number; from: number; to: number }> = [];
	for (let id = 1; id <= count; id++) {
		api()
			.get(`/api/v1/assignments/${id}.json`)
			.optionally()
			.delay(delayOf(id))
			.reply(() => {
				const from = performance.now();
				arrivals.push({ id, from, to: from + delayOf(id) });
				return status(id) === 200
					? [200, envelope([assignment(id)])]
					: [status(id), { errors: [{ type: 'not_found', message: 'Not found' }] }];
			});
	}
	return {
		asked: () => arrivals.map((a) => a.id),
		most: () =>
			Math.max(
				...arrivals.map((a) => arrivals.filter((b) => b.from <= a.from && a.from < b.to).length),
			),
	};
}

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: i + 1 }));
const get = (extra = {}) => ({ operation: 'get', assignmentId: '={{ $json.id }}', ...extra });

describe('items at once', () => {
	it.each([
		['the default, 10', {}, 10],
		['Concurrency 3', { requestOptions: { concurrency: 3 } }, 3],
		['Concurrency 1 (one after the other)', { requestOptions: { concurrency: 1 } }, 1],
	])(
		'%s: that many in flight, outputs in input order however the answers arrive',
		async (_, extra, most) => {
			// Later items answer first.
			const seen = answers(25, (id) => 60 - 2 * id);
			const result = await run(get(extra), { items: items(25) });
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => Number(item.json.id))).toEqual(items(25).map((i) => i.id));
			expect(pairing(result.items)).toEqual(items(25).map((_, i) => i));
			expect(seen.most()).toBe(most);
		},
	);

	it('continue on fail: each failing item gets its error item in its own place', async () => {
		answers(
			12,
			(id) => 30 - 2 * id,
			(id) => (id % 4 === 0 ? 404 : 200),
		);
		const result = await run(get(), { items: items(12), continueOnFail: true });
		expect(result.items.map((item) => (item.json.error ? 'error' : Number(item.json.id)))).toEqual([
			1,
			2,
			3,
			'error',
			5,
			6,
			7,
			'error',
			9,
			10,
			11,
			'error',
		]);
		expect(pairing(result.items)).toEqual(items(12).map((_, i) => i));
	});

	it('without continue on fail: the first failing item by input order fails the run, and later items not yet sent are not sent', async () => {
		// Item 4 (ID 5) fails fast while items 0–3 are still waiting for their slow answers.
		const seen = answers(
			11,
			(id) => (id === 5 ? 1 : 40),
			(id) => (id === 5 ? 404 : 200),
		);
		const result = await run(get(), { items: items(30) });
		expect(result.error?.message).toBe('Not found');
		expect(result.error?.context?.itemIndex).toBe(4);
		// Items 0–3 were sent and finished; nothing past what was in flight was sent.
		expect(seen.asked()).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
		expect(Math.max(...seen.asked())).toBeLessThanOrEqual(11);
	});

	it('Concurrency 100: a service that reports no rate-limit budget still gets at most 50 at once', async () => {
		const seen = answers(120, () => 40);
		const result = await run(get({ requestOptions: { concurrency: 100 } }), {
			items: items(120),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		expect(seen.most()).toBe(50);
	});

	it('refuses a Concurrency outside 1…100 before sending anything', async () => {
		const result = await run(get({ requestOptions: { concurrency: 0 } }), { items: items(3) });
		expect(result.error?.message).toBe(
			'Concurrency must be a whole number between 1 and 100, got 0 [item 0]',
		);
		const tooMany = await run(get({ requestOptions: { concurrency: 101 } }), { items: items(3) });
		expect(tooMany.error?.message).toBe(
			'Concurrency must be a whole number between 1 and 100, got 101 [item 0]',
		);
	});
});

describe('pages at once (Kantata OX tells the page count on page 1)', () => {
	/** Pages 1…pages of `perPage` records with IDs from 1; later pages answer first. */
	function pagesOf(pages: number, perPage: number, total = pages * perPage) {
		const arrivals: Array<{ page: number; from: number; to: number }> = [];
		for (let page = 1; page <= pages; page++) {
			const delay = 10 + 3 * (pages - page);
			const first = (page - 1) * perPage + 1;
			const count = Math.min(perPage, total - first + 1);
			api()
				.get('/api/v1/assignments.json')
				.query((q) => q.page === String(page) && q.per_page === String(perPage))
				.optionally()
				.delay(delay)
				.reply(() => {
					const from = performance.now();
					arrivals.push({ page, from, to: from + delay });
					const records = Array.from({ length: count }, (_, i) => assignment(first + i));
					return [200, envelope(records, { page, pageCount: pages, pageSize: perPage, total })];
				});
		}
		return {
			asked: () => arrivals.map((a) => a.page).sort((a, b) => a - b),
			most: () =>
				Math.max(
					...arrivals.map((a) => arrivals.filter((b) => b.from <= a.from && a.from < b.to).length),
				),
		};
	}

	it('Return All: pages 2…N at once, records in API order, one request per page', async () => {
		const seen = pagesOf(12, 200, 2_350);
		const result = await run({ operation: 'getAll', returnAll: true, filters: {}, options: {} });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => Number(item.json.id))).toEqual(
			Array.from({ length: 2_350 }, (_, i) => i + 1),
		);
		expect(seen.asked()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
		expect(seen.most()).toBeGreaterThan(1);
	});

	it('Limit: only the pages the limit needs', async () => {
		const seen = pagesOf(12, 200, 2_350);
		const result = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 450,
			filters: {},
			options: {},
		});
		expect(result.items).toHaveLength(450);
		expect(seen.asked()).toEqual([1, 2, 3]);
	});

	it('Concurrency 1 reads page by page', async () => {
		const seen = pagesOf(5, 200, 1_000);
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: {},
			options: {},
			requestOptions: { concurrency: 1 },
		});
		expect(result.items).toHaveLength(1_000);
		expect(seen.most()).toBe(1);
	});
});

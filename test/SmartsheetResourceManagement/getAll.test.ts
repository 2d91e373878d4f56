import { sleep } from 'n8n-workflow';

import { api, assignment, jsonOf, page, pairing, records, run, seen, token } from './fixtures';

const list = '/api/v1/assignments';
const next = (pageNumber: number, perPage = 1000) =>
	`${list}?per_page=${perPage}&page=${pageNumber}`;

describe('Smartsheet RM › Get Many', () => {
	beforeEach(() => jest.mocked(sleep).mockClear());

	it('Return All asks for 1000 per page and follows paging.next until it is null', async () => {
		const pages = [records(1, 1000), records(1001, 1000), records(2001, 3)];
		api()
			.get(list)
			.query({ per_page: '1000' })
			.reply(200, page(pages[0], { next: next(2) }))
			.get(list)
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(pages[1], { page: 2, next: next(3) }))
			.get(list)
			.query({ per_page: '1000', page: '3' })
			.reply(200, page(pages[2], { page: 3, next: null }));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual(pages.flat());
		expect(new Set(pairing(result.items))).toEqual(new Set([0]));
		expect(seen).toHaveLength(3);
	});

	it('stops after an exactly full page whose paging.next is null', async () => {
		api()
			.get(list)
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1000), { next: null }));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(result.items).toHaveLength(1000);
	});

	it('ends on an empty page even when the previous full page still linked to it', async () => {
		api()
			.get(list)
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1000), { next: next(2) }))
			.get(list)
			.query({ per_page: '1000', page: '2' })
			.reply(200, page([], { page: 2, next: next(3) }));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(result.items).toHaveLength(1000);
	});

	it('returns no items for an empty collection', async () => {
		api().get(list).query({ per_page: '1000' }).reply(200, page([]));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('Limit smaller than a page asks for just that many and ignores paging.next', async () => {
		api()
			.get(list)
			.query({ per_page: '3' })
			.reply(200, page(records(1, 3), { perPage: 3, next: next(2, 3) }));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: false, limit: 3 });
		expect(jsonOf(result.items).map((item) => item.id)).toEqual([1, 2, 3]);
	});

	it('Limit above 1000 asks for 1000 per page and stops at the limit', async () => {
		api()
			.get(list)
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1000), { next: next(2) }))
			.get(list)
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(records(1001, 1000), { page: 2, next: next(3) }));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: false, limit: 1500 });
		expect(result.items).toHaveLength(1500);
		expect(jsonOf(result.items).at(-1)?.id).toBe(1500);
	});

	it('user scope: /users/{id}/assignments with the overlap dates as YYYY-MM-DD', async () => {
		api()
			.get('/api/v1/users/30256/assignments')
			.query({ per_page: '1000', from: '2026-01-01', to: '2026-03-31' })
			.reply(200, page([assignment(1)]));
		const result = await run({
			operation: 'getAll',
			scope: 'user',
			userId: { __rl: true, mode: 'id', value: '30256' },
			returnAll: true,
			filters: { from: '2026-01-01T00:00:00', to: '2026-03-31' },
		});
		expect(jsonOf(result.items)).toEqual([assignment(1)]);
	});

	it('project scope: with_phases and fields=subtasks_counts, read back as subtask_counts', async () => {
		const counted = assignment(12345, { subtask_counts: { completed: 5, total: 10 } });
		api()
			.get('/api/v1/projects/183760/assignments')
			.query({ per_page: '1000', with_phases: 'true', fields: 'subtasks_counts' })
			.reply(
				200,
				page([counted], {
					self: '/api/v1/projects/183760/assignments?assignable_id=183760&page=1',
				}),
			);
		const result = await run({
			operation: 'getAll',
			scope: 'project',
			projectId: { __rl: true, mode: 'id', value: '183760' },
			withPhases: true,
			subtaskCounts: true,
			returnAll: true,
		});
		expect(jsonOf(result.items)).toEqual([counted]);
	});

	it('project scope without the options sends neither parameter', async () => {
		api()
			.get('/api/v1/projects/183760/assignments')
			.query({ per_page: '50' })
			.reply(200, page([assignment(1)], { perPage: 50 }));
		const result = await run({
			operation: 'getAll',
			scope: 'project',
			projectId: { __rl: true, mode: 'id', value: '183760' },
			withPhases: false,
			returnAll: false,
			limit: 50,
		});
		expect(result.items).toHaveLength(1);
	});

	it('placeholder scope: /placeholder_resources/{id}/assignments, on to the page its next link names', async () => {
		const path = '/api/v1/placeholder_resources/77/assignments';
		api()
			.get(path)
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 2), { next: `${path}?placeholder_id=77&per_page=1000&page=2` }))
			.get(path)
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(records(3, 1), { page: 2 }));
		const result = await run({
			operation: 'getAll',
			scope: 'placeholder',
			placeholderId: { __rl: true, mode: 'id', value: '77' },
			returnAll: true,
		});
		expect(jsonOf(result.items).map((item) => item.id)).toEqual([1, 2, 3]);
	});

	it('the EU region talks to api.rm.smartsheet.eu', async () => {
		api('https://api.rm.smartsheet.eu').get(list).query({ per_page: '1000' }).reply(200, page([]));
		const result = await run(
			{ operation: 'getAll', scope: 'all', returnAll: true },
			{
				credentials: {
					smartsheetResourceManagementApi: {
						apiToken: token,
						region: 'https://api.rm.smartsheet.eu/api/v1',
					},
				},
			},
		);
		expect(result.error).toBeUndefined();
	});

	it('a custom base URL is used as given, and relative next links resolve on its host', async () => {
		api('https://rm.example.test')
			.get('/api/v1/assignments')
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1), { next: next(2) }))
			.get('/api/v1/assignments')
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(records(2, 1), { page: 2 }));
		const result = await run(
			{ operation: 'getAll', scope: 'all', returnAll: true },
			{
				credentials: {
					smartsheetResourceManagementApi: {
						apiToken: token,
						region: 'custom',
						baseUrl: 'https://rm.example.test/api/v1/',
					},
				},
			},
		);
		expect(result.items).toHaveLength(2);
	});

	it('never follows a next link to another host: only its page number is read, on the credential’s host', async () => {
		api()
			.get(list)
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1), { next: 'https://evil.example/api/v1/assignments?page=2' }))
			.get(list)
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(records(2, 1), { page: 2 }));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
	});

	it('waits out an exhausted rate-limit window before the next page', async () => {
		const reset = Math.floor(Date.now() / 1000) + 6;
		api()
			.get(list)
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1), { next: next(2) }), {
				'X-RateLimit-Limit': '120',
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(reset),
			})
			.get(list)
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(records(2, 1), { page: 2 }), { 'X-RateLimit-Remaining': '119' });
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(result.items).toHaveLength(2);
		const waits = jest.mocked(sleep).mock.calls.map(([ms]) => ms);
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThan(4000);
		expect(waits[0]).toBeLessThanOrEqual(6000);
	});
});

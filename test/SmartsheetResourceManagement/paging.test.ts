import { api, jsonOf, page, records, run, token } from './fixtures';

/**
 * Issue 14 item 7: a real `paging.next` carries the scope and the page only
 * (`/api/v1/projects/183760/assignments?assignable_id=183760&page=1`). Every page must keep the
 * path and the whole query the node chose; only the page number comes from the link.
 */
const project = '/api/v1/projects/183760/assignments';
const stripped = (pageNumber: number) => `${project}?assignable_id=183760&page=${pageNumber}`;
const query = {
	per_page: '1000',
	from: '2026-01-01',
	to: '2026-03-31',
	with_phases: 'true',
	fields: 'subtasks_counts',
};

describe('Smartsheet RM › paging keeps the query', () => {
	it('pages 2 and 3 repeat per_page, from, to, with_phases and fields; only page comes from the link', async () => {
		api()
			.get(project)
			.query(query)
			.reply(200, page(records(1, 1000), { next: stripped(2) }))
			.get(project)
			.query({ ...query, page: '2' })
			.reply(200, page(records(1001, 1000), { page: 2, next: stripped(3) }))
			.get(project)
			.query({ ...query, page: '3' })
			.reply(200, page(records(2001, 5), { page: 3, next: null }));
		const result = await run({
			operation: 'getAll',
			scope: 'project',
			projectId: '183760',
			withPhases: true,
			subtaskCounts: true,
			returnAll: true,
			filters: { from: '2026-01-01', to: '2026-03-31' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2005);
	});

	it('a custom base URL behind a path prefix keeps its prefix on every page', async () => {
		api('https://proxy.example.test')
			.get('/rm/api/v1/assignments')
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1000), { next: '/api/v1/assignments?page=2' }))
			.get('/rm/api/v1/assignments')
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(records(1001, 1), { page: 2 }));
		const result = await run(
			{ operation: 'getAll', scope: 'all', returnAll: true },
			{
				credentials: {
					smartsheetResourceManagementApi: {
						apiToken: token,
						region: 'custom',
						baseUrl: 'https://proxy.example.test/rm/api/v1',
					},
				},
			},
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items).at(-1)?.id).toBe(1001);
	});

	it('a link without a forward page number reads the next page, not the same one again', async () => {
		api()
			.get('/api/v1/assignments')
			.query({ per_page: '1000' })
			.reply(200, page(records(1, 1000), { next: '/api/v1/assignments?page=1' }))
			.get('/api/v1/assignments')
			.query({ per_page: '1000', page: '2' })
			.reply(200, page(records(1001, 1), { page: 2 }));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1001);
	});
});

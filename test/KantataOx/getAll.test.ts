import type { IDataObject } from 'n8n-workflow';

import { api, assignment, envelope, ids, jsonOf, output, pairing, run } from './fixtures';

const listPath = '/api/v1/assignments.json';
const pageQuery = (page: number, perPage: number, extra: IDataObject = {}) => ({
	page: String(page),
	per_page: String(perPage),
	order: 'created_at:asc',
	...extra,
});
const records = (from: number, count: number) => ids(from, count).map((id) => assignment(id));

describe('Kantata OX › Get Many', () => {
	it('Return All walks every page at 200 per page and stops at the last one', async () => {
		const pages = [records(1, 200), records(201, 200), records(401, 37)];
		const scope = api();
		pages.forEach((page, index) =>
			scope
				.get(listPath)
				.query(pageQuery(index + 1, 200))
				.reply(200, envelope(page, { page: index + 1, pageCount: 3, total: 437, pageSize: 200 })),
		);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual(pages.flat().map(output));
		expect(new Set(pairing(result.items))).toEqual(new Set([0]));
	});

	it('makes no extra request when the last page is exactly full', async () => {
		api()
			.get(listPath)
			.query(pageQuery(1, 200))
			.reply(200, envelope(records(1, 200), { page: 1, pageCount: 2, total: 400, pageSize: 200 }))
			.get(listPath)
			.query(pageQuery(2, 200))
			.reply(
				200,
				envelope(records(201, 200), { page: 2, pageCount: 2, total: 400, pageSize: 200 }),
			);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(400);
	});

	it('ends by the total count when the response has no meta (older API answers)', async () => {
		api()
			.get(listPath)
			.query(pageQuery(1, 200))
			.reply(200, envelope(records(1, 200), { total: 400, meta: false }))
			.get(listPath)
			.query(pageQuery(2, 200))
			.reply(200, envelope(records(201, 200), { total: 400, meta: false }));
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(400);
	});

	it('returns nothing for an empty result without an assignments key', async () => {
		api().get(listPath).query(pageQuery(1, 200)).reply(200, { count: 0, results: [] });
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('asks for no more than the limit when it is smaller than a page', async () => {
		api()
			.get(listPath)
			.query(pageQuery(1, 5))
			.reply(200, envelope(records(1, 5), { page: 1, pageCount: 20, total: 100, pageSize: 5 }));
		const result = await run({ operation: 'getAll', returnAll: false, limit: 5 });
		expect(jsonOf(result.items)).toEqual(records(1, 5).map(output));
	});

	it('stops within the second page once it has the limit', async () => {
		api()
			.get(listPath)
			.query(pageQuery(1, 200))
			.reply(200, envelope(records(1, 200), { page: 1, pageCount: 3, total: 600, pageSize: 200 }))
			.get(listPath)
			.query(pageQuery(2, 200))
			.reply(
				200,
				envelope(records(201, 200), { page: 2, pageCount: 3, total: 600, pageSize: 200 }),
			);
		const result = await run({ operation: 'getAll', returnAll: false, limit: 250 });
		expect(jsonOf(result.items)).toEqual(records(1, 250).map(output));
	});

	it('orders output by results, never by the keyed map, and ignores unlisted records', async () => {
		const body = envelope([assignment(3), assignment(1), assignment(2)]);
		(body.assignments as IDataObject)['99'] = assignment(99);
		api().get(listPath).query(pageQuery(1, 200)).reply(200, body);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(jsonOf(result.items).map((item) => item.id)).toEqual(['3', '1', '2']);
	});

	it('maps every filter to the API query', async () => {
		api()
			.get(listPath)
			.query(
				pageQuery(1, 50, {
					assignee_id: '11',
					story_id: '22',
					workspace_id: '33',
					resource_id: '44',
					uncurrent: 'true',
					include_unnamed: 'true',
					in_unarchived_workspaces: 'false',
					in_unarchived_stories: 'false',
					created_after: '2026-01-01T00:00:00',
					created_before: '2026-02-01',
					updated_after: '2026-03-01T10:00:00Z',
					updated_before: '2026-04-01T00:00:00+02:00',
					external_reference_service_name: 'n8n',
					external_reference_service_model: 'Task',
					external_reference_service_model_ref: '7',
					external_reference_service_model_refs: '7,8',
					external_reference_status: 'successful',
					external_reference_external_status: 'open',
					external_reference_external_message: 'hello world',
					has_external_references: 'true',
					without_external_reference_service_name: 'other',
					only: '5,6,7',
					order: 'updated_at:desc',
				}),
			)
			.reply(200, { count: 0, results: [] });
		const result = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 50,
			filters: {
				assigneeId: { __rl: true, mode: 'id', value: '11' },
				storyId: ' 22 ',
				workspaceId: { __rl: true, mode: 'id', value: '33' },
				resourceId: { __rl: true, mode: 'id', value: '44' },
				status: 'uncurrent',
				includeUnnamed: true,
				inUnarchivedWorkspaces: false,
				inUnarchivedStories: false,
				createdAfter: '2026-01-01T00:00:00',
				createdBefore: '2026-02-01',
				updatedAfter: '2026-03-01T10:00:00Z',
				updatedBefore: '2026-04-01T00:00:00+02:00',
				externalReferenceServiceName: 'n8n',
				externalReferenceServiceModel: 'Task',
				externalReferenceServiceModelRef: '7',
				externalReferenceServiceModelRefs: '7,8',
				externalReferenceStatus: 'successful',
				externalReferenceExternalStatus: 'open',
				externalReferenceExternalMessage: 'hello world',
				hasExternalReferences: true,
				withoutExternalReferenceServiceName: 'other',
				only: '5, 6,7',
			},
			options: { order: 'updated_at:desc' },
		});
		expect(result.error).toBeUndefined();
	});

	it('accepts a date from an expression ({{ $now }}-style DateTime) as ISO text', async () => {
		api()
			.get(listPath)
			.query(pageQuery(1, 200, { updated_after: '2026-01-02T03:04:05.000Z' }))
			.reply(200, { count: 0, results: [] });
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { updatedAfter: '={{ DateTime.fromISO("2026-01-02T03:04:05Z", { zone: "utc" }) }}' },
		});
		expect(result.error).toBeUndefined();
	});

	it('resolves included records into each assignment', async () => {
		const body = envelope(
			[
				assignment(1, { story_allocation_day_ids: ['71', '72'] }),
				assignment(2, { assignee_id: '3711196', story_allocation_day_ids: [] }),
			],
			{
				extra: {
					users: {
						'3711195': { id: '3711195', full_name: 'Bob' },
						'3711196': { id: '3711196', full_name: 'Jane' },
					},
					stories: { '26133885': { id: '26133885', title: 'Design' } },
					story_allocation_days: {
						'71': { id: '71', date: '2026-01-05', minutes: 240 },
						'72': { id: '72', date: '2026-01-06', minutes: 240 },
					},
				},
			},
		);
		api()
			.get(listPath)
			.query(
				pageQuery(1, 200, { include: 'assignee,story,story_allocation_days', plannable: 'true' }),
			)
			.reply(200, body);
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			options: { include: ['assignee', 'story', 'story_allocation_days'] },
		});
		const [first, second] = jsonOf(result.items);
		expect(first.assignee).toEqual({ id: '3711195', full_name: 'Bob' });
		expect(first.story).toEqual({ id: '26133885', title: 'Design' });
		expect(first.story_allocation_days).toEqual([
			{ id: '71', date: '2026-01-05', minutes: 240 },
			{ id: '72', date: '2026-01-06', minutes: 240 },
		]);
		expect(second.assignee).toEqual({ id: '3711196', full_name: 'Jane' });
		expect(second.story_allocation_days).toEqual([]);
	});

	it('runs one list per input item, each paired to its item', async () => {
		api()
			.get(listPath)
			.query(pageQuery(1, 200, { story_id: '1' }))
			.reply(200, envelope([assignment(10)]))
			.get(listPath)
			.query(pageQuery(1, 200, { story_id: '2' }))
			.reply(200, envelope([assignment(20), assignment(21)]));
		const result = await run(
			{ operation: 'getAll', returnAll: true, filters: { storyId: '={{ $json.story }}' } },
			{ items: [{ story: 1 }, { story: 2 }] },
		);
		expect(jsonOf(result.items).map((item) => item.id)).toEqual(['10', '20', '21']);
		expect(pairing(result.items)).toEqual([0, 1, 1]);
	});
});

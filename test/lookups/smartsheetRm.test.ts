import type { IDataObject } from 'n8n-workflow';

import { listSearch, loadOptions } from '../harness/loadOptions';
import { api, credentials, run } from '../SmartsheetResourceManagement/fixtures';

const node = 'smartsheetResourceManagement';
const search = (method: string, filter?: string, paginationToken?: string) =>
	listSearch({ node, method, credentials, filter, paginationToken });
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const collection = (data: IDataObject[], next: string | null = null, page = 1) => ({
	data,
	paging: { page, per_page: 200, previous: null, self: '/api/v1/x', next },
});
const user = (id: number, name: string) => ({
	id,
	display_name: name,
	email: `${name.split(' ')[0].toLowerCase()}@example.com`,
});

describe('Smartsheet RM › pickers (listSearch)', () => {
	it('users: filtered by the node (no search parameter), name and email; next page by token', async () => {
		api()
			.get('/api/v1/users')
			.query({ sort_field: 'last_name', sort_order: 'ascending', page: '1', per_page: '200' })
			.reply(200, collection([user(1, 'Ann Lee'), user(2, 'Bo Li')], '/api/v1/users?page=2'));
		api()
			.get('/api/v1/users')
			.query({ sort_field: 'last_name', sort_order: 'ascending', page: '2', per_page: '200' })
			.reply(200, collection([user(3, 'Joann Park')], null, 2));
		expect(await search('searchUsers', 'ANN')).toEqual({
			results: [
				{ name: 'Ann Lee (ann@example.com)', value: '1' },
				{ name: 'Joann Park (joann@example.com)', value: '3' },
			],
		});
	});

	it('users: reads at most 5 pages per request and hands back where it stopped', async () => {
		for (let page = 4; page <= 8; page++) {
			api()
				.get('/api/v1/users')
				.query((query) => query.page === String(page))
				.reply(200, collection([user(page, 'Nobody Here')], '/next', page));
		}
		expect(await search('searchUsers', 'ann', '4')).toEqual({ results: [], paginationToken: '9' });
	});

	it('projects: phases shown with their project; empty list', async () => {
		api()
			.get('/api/v1/projects')
			.query({ page: '1', per_page: '200' })
			.reply(
				200,
				collection([
					{ id: 183760, name: 'Website', parent_id: null, phase_name: null },
					{ id: 183761, name: 'Website', parent_id: 183760, phase_name: 'Build' },
				]),
			);
		expect(await search('searchProjects')).toEqual({
			results: [
				{ name: 'Website', value: '183760' },
				{ name: 'Build (phase of Website)', value: '183761' },
			],
		});
		api().get('/api/v1/placeholder_resources').query(true).reply(200, collection([]));
		expect(await search('searchPlaceholders')).toEqual({ results: [] });
	});

	it('assignables: projects with phases first, then the leave types', async () => {
		api()
			.get('/api/v1/projects')
			.query({ with_phases: 'true', page: '1', per_page: '200' })
			.reply(200, collection([{ id: 5, name: 'Website' }]));
		const first = await search('searchAssignables');
		expect(first).toEqual({ results: [{ name: 'Website', value: '5' }], paginationToken: 'leave' });
		api()
			.get('/api/v1/leave_types')
			.query({ page: '1', per_page: '200' })
			.reply(200, collection([{ id: 90001, name: 'Vacation' }]));
		expect(await search('searchAssignables', undefined, 'leave')).toEqual({
			results: [{ name: 'Vacation (leave type)', value: '90001' }],
		});
	});

	it('a vendor error becomes a clear message', async () => {
		api().get('/api/v1/placeholder_resources').query(true).reply(401, { message: 'Unauthorized' });
		await expect(search('searchPlaceholders')).rejects.toMatchObject({ message: 'Unauthorized' });
	});
});

describe('Smartsheet RM › status options (loadOptions)', () => {
	it('lists the account’s statuses, deleted ones left out', async () => {
		api()
			.get('/api/v1/status_options')
			.query({ per_page: '1000' })
			.reply(
				200,
				collection([
					{ id: 1, label: 'Planned', stage: 'planned', deleted_at: null },
					{ id: 2, label: 'Old', stage: 'done', deleted_at: '2024-01-01T00:00:00Z' },
					{ id: 3, label: 'In progress', stage: 'in_progress', deleted_at: null },
				]),
			);
		expect(await loadOptions({ node, method: 'getStatusOptions', credentials })).toEqual([
			{ name: 'Planned', value: '1', description: 'Stage: planned' },
			{ name: 'In progress', value: '3', description: 'Stage: in progress' },
		]);
	});

	it('an error becomes a clear message; no statuses is an empty list', async () => {
		api().get('/api/v1/status_options').query(true).reply(200, collection([]));
		expect(await loadOptions({ node, method: 'getStatusOptions', credentials })).toEqual([]);
		api().get('/api/v1/status_options').query(true).reply(403, { message: 'forbidden' });
		await expect(
			loadOptions({ node, method: 'getStatusOptions', credentials }),
		).rejects.toMatchObject({ message: 'forbidden' });
	});
});

describe('Smartsheet RM › reference modes at run time', () => {
	it('By URL reads a project scope; From List the user', async () => {
		api().get('/api/v1/projects/183760/assignments').query(true).reply(200, collection([]));
		const result = await run({
			operation: 'getAll',
			scope: 'project',
			projectId: locator('url', 'https://rm.smartsheet.com/viewproject?id=183760'),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
	});

	it.each([
		'https://rm.smartsheet.com/projects/183760',
		'https://rm.smartsheet.com/viewproject?id=abc',
	])('By URL refuses %s from an expression, no request', async (url) => {
		const result = await run(
			{
				operation: 'getAll',
				scope: 'project',
				projectId: locator('url', '={{ $json.url }}'),
				returnAll: true,
			},
			{ items: [{ url }] },
		);
		expect(result.error?.message).toBe(
			`Project ID (By URL) is not an address this node can read the ID from, got "${url}" [item 0]`,
		);
	});

	it('Create: user From List, assignable By ID, status from the dropdown', async () => {
		api()
			.post(
				'/api/v1/users/30256/assignments',
				(body: IDataObject) => body.assignable_id === 183760 && body.status_option_id === 2,
			)
			.reply(200, { id: 1, user_id: 30256, assignable_id: 183760 });
		const result = await run({
			operation: 'create',
			userId: locator('list', '30256'),
			assignableId: locator('id', '183760'),
			startsAt: '2026-01-05',
			endsAt: '2026-01-09',
			additionalFields: { statusOptionId: '2' },
		});
		expect(result.error).toBeUndefined();
	});
});

import type { IDataObject } from 'n8n-workflow';

import { listSearch } from '../harness/loadOptions';
import { runNode } from '../harness/run';

const origin = 'https://api.xurrent.com';
const token = 'dummy-xurrent-lookup-pat-7c1d';
const credentials = { xurrentApi: { accessToken: token, accountId: 'widget' } };
const api = () =>
	nock(origin, {
		reqheaders: { authorization: `Bearer ${token}`, 'x-xurrent-account': 'widget' },
	});
const search = (method: string, filter?: string, paginationToken?: string) =>
	listSearch({ node: 'xurrent', method, credentials, filter, paginationToken });
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const person = (id: number, name: string) => ({
	id,
	name,
	primary_email: `${name.split(' ')[0].toLowerCase()}@example.com`,
});
const run = async (parameters: IDataObject) =>
	await runNode({
		node: 'xurrent',
		credentials,
		parameters: { resource: 'assignment', ...parameters } as never,
	});

describe('Xurrent › pickers (listSearch)', () => {
	const next = `${origin}/v1/people?per_page=100&search_after=abc`;

	it('people: filtered by the node (no search parameter), name and email, token = next link', async () => {
		api()
			.get('/v1/people')
			.query({ per_page: '100', fields: 'name,primary_email' })
			.reply(200, [person(41, 'Ann Lee'), person(42, 'Bo Li')], { link: `<${next}>; rel="next"` })
			.get('/v1/people')
			.query({ per_page: '100', search_after: 'abc' })
			.reply(200, [person(43, 'Joann Park')]);
		expect(await search('searchPeople', 'ann')).toEqual({
			results: [
				{ name: 'Ann Lee (ann@example.com)', value: '41' },
				{ name: 'Joann Park (joann@example.com)', value: '43' },
			],
		});
	});

	it('people: the token reads the next page; an empty answer is an empty list', async () => {
		api().get('/v1/people').query({ per_page: '100', search_after: 'abc' }).reply(200, []);
		expect(await search('searchPeople', undefined, next)).toEqual({ results: [] });
	});

	it('a token pointing at another host is refused, nothing is sent there', async () => {
		await expect(
			search('searchPeople', undefined, 'https://evil.example.com/v1/people'),
		).rejects.toThrow();
	});

	it('project tasks: shown with their project; a vendor error becomes a clear message', async () => {
		api()
			.get('/v1/project_tasks')
			.query({ per_page: '100', fields: 'subject,project' })
			.reply(200, [{ id: 5, subject: 'Wireframes', project: { id: 1, name: 'Website' } }]);
		expect(await search('searchProjectTasks', 'website')).toEqual({
			results: [{ name: 'Wireframes (Website)', value: '5' }],
		});
		api().get('/v1/project_tasks').query(true).reply(401, { message: 'Not authenticated' });
		await expect(search('searchProjectTasks')).rejects.toMatchObject({
			message: 'Not authenticated',
			description: expect.stringContaining('credential'),
		});
	});
});

describe('Xurrent › reference modes at run time', () => {
	const created = { id: 9, assignee: { id: 41 } };

	it('By URL reads the project task; By Email finds the person with one request', async () => {
		api()
			.get('/v1/people')
			.query({ primary_email: 'ann@example.com', fields: 'name,primary_email' })
			.reply(200, [person(41, 'Ann Lee')]);
		api().post('/v1/project_tasks/5/assignments', { assignee_id: 41 }).reply(201, created);
		const result = await run({
			operation: 'create',
			taskId: locator('url', 'https://widget.xurrent.com/project_tasks/5'),
			assigneeId: locator('email', 'ann@example.com'),
		});
		expect(result.error).toBeUndefined();
	});

	it('By Email with no or several matches stops with a clear error', async () => {
		api().get('/v1/people').query(true).reply(200, []);
		const none = await run({
			operation: 'create',
			taskId: locator('id', '5'),
			assigneeId: locator('email', 'nobody@example.com'),
		});
		expect(none.error?.message).toBe(
			'Assignee ID: nobody has the email "nobody@example.com" [item 0]',
		);
		api()
			.get('/v1/people')
			.query(true)
			.reply(200, [person(1, 'Ann Lee'), person(2, 'Ann Other')]);
		const several = await run({
			operation: 'update',
			taskId: locator('id', '5'),
			assignmentId: '9',
			updateFields: { assigneeId: locator('email', 'ann@example.com') },
		});
		expect(several.error?.message).toBe(
			'Assignee ID: 2 people have the email "ann@example.com" [item 0]',
		);
	});

	it.each(['https://widget.xurrent.com/projects/5', 'https://widget.xurrent.com/project_tasks/x'])(
		'By URL refuses %s from an expression, no request',
		async (url) => {
			const result = await runNode({
				node: 'xurrent',
				credentials,
				items: [{ url }],
				parameters: {
					resource: 'assignment',
					operation: 'getAll',
					taskId: locator('url', '={{ $json.url }}'),
				} as never,
			});
			expect(result.error?.message).toBe(
				`Project Task ID (By URL) is not an address this node can read the ID from, got "${url}" [item 0]`,
			);
		},
	);
});

import type { IDataObject } from 'n8n-workflow';

import { listSearch } from '../harness/loadOptions';
import { runNode } from '../harness/run';

// base64("key-lookups-1:X"): the API key as Basic user name, a fixed non-empty password.
const credentials = { paymoApi: { apiKey: 'key-lookups-1' } };
const basicAuth = `Basic ${Buffer.from('key-lookups-1:X').toString('base64')}`;
const api = () => nock('https://app.paymoapp.com', { reqheaders: { authorization: basicAuth } });

const search = (method: string, filter?: string, paginationToken?: string) =>
	listSearch({ node: 'paymo', method, credentials, filter, paginationToken });
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const user = (id: number, name: string) => ({
	id,
	name,
	email: `${name.split(' ')[0].toLowerCase()}@example.com`,
});
const users = (count: number, from = 1) =>
	Array.from({ length: count }, (_, index) => user(from + index, `User ${from + index}`));

const run = async (operation: string, parameters: Record<string, unknown>) =>
	await runNode({
		node: 'paymo',
		credentials,
		parameters: { resource: 'assignment', operation, ...parameters } as IDataObject as never,
	});

describe('Paymo › pickers (listSearch)', () => {
	it('users: active users whose name contains the text, searched by Paymo', async () => {
		api()
			.get('/api/users')
			.query({ where: 'active=true and name like "%ann%"', page: '0', page_size: '100' })
			.reply(200, { users: [user(241184, 'Ann Lee')] });
		expect(await search('searchUsers', 'ann')).toEqual({
			results: [{ name: 'Ann Lee (ann@example.com)', value: '241184' }],
		});
	});

	it('users: a full page gives a token; the token reads the next page', async () => {
		api()
			.get('/api/users')
			.query({ where: 'active=true', page: '0', page_size: '100' })
			.reply(200, { users: users(100) })
			.get('/api/users')
			.query({ where: 'active=true', page: '1', page_size: '100' })
			.reply(200, { users: users(2, 101) });
		const first = await search('searchUsers');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('1');
		const second = await search('searchUsers', undefined, first.paginationToken);
		expect(second).toEqual({
			results: [
				{ name: 'User 101 (user@example.com)', value: '101' },
				{ name: 'User 102 (user@example.com)', value: '102' },
			],
		});
	});

	it('users: an empty answer is an empty list; quotes in the text cannot end the condition', async () => {
		api()
			.get('/api/users')
			.query({ where: 'active=true and name like "%o\'brien%"', page: '0', page_size: '100' })
			.reply(200, { users: [] });
		expect(await search('searchUsers', 'o\'"brien')).toEqual({ results: [] });
	});

	it('tasks: searched by Paymo, shown with their project', async () => {
		api()
			.get('/api/tasks')
			.query({ where: 'name like "%logo%"', include: 'project', page: '0', page_size: '100' })
			.reply(200, {
				tasks: [{ id: 241147, name: 'Logo', project: { id: 28917, name: 'Rebrand' } }],
			});
		expect(await search('searchTasks', 'logo')).toEqual({
			results: [{ name: 'Logo (Rebrand)', value: '241147' }],
		});
	});

	it('a vendor error becomes a clear message', async () => {
		api().get('/api/tasks').query(true).reply(401, { message: 'Unauthorized' });
		await expect(search('searchTasks', 'x')).rejects.toMatchObject({
			message: 'Unauthorized',
			description: expect.stringContaining('API key'),
		});
	});
});

describe('Paymo › reference modes at run time', () => {
	const created = { id: 1, user_id: 241184, task_id: 48591 };
	const lookup = (email: string, found: IDataObject[]) =>
		api()
			.get('/api/users')
			.query({ where: `email="${email}"` })
			.reply(200, { users: found });

	it('From List and By ID values create the assignment', async () => {
		api()
			.post('/api/userstasks', { user_id: 241184, task_id: 48591 })
			.reply(201, { userstasks: [created] });
		const result = await run('create', {
			userId: locator('list', '241184'),
			taskId: locator('id', '48591'),
		});
		expect(result.items.map((item) => item.json)).toEqual([created]);
	});

	it('By Email, one match: one lookup, then the request with that user', async () => {
		lookup('ann@example.com', [user(241184, 'Ann Lee')]);
		api()
			.post('/api/userstasks', { user_id: 241184, task_id: 48591 })
			.reply(201, { userstasks: [created] });
		const result = await run('create', {
			userId: locator('email', 'ann@example.com'),
			taskId: locator('list', '48591'),
		});
		expect(result.error).toBeUndefined();
	});

	it('By Email, no match: clear error, no assignment request', async () => {
		lookup('nobody@example.com', []);
		const result = await run('create', {
			userId: locator('email', 'nobody@example.com'),
			taskId: locator('list', '48591'),
		});
		expect(result.error?.message).toBe(
			'User ID: nobody has the email "nobody@example.com" [item 0]',
		);
	});

	it('By Email, several matches: clear error, no assignment request', async () => {
		lookup('team@example.com', [user(1, 'Ann Lee'), user(2, 'Bo Li')]);
		const result = await run('update', {
			assignmentId: '5',
			updateFields: { userId: locator('email', 'team@example.com') },
		});
		expect(result.error?.message).toBe(
			'User ID: 2 people have the email "team@example.com" [item 0]',
		);
	});

	it('Get Many: the user given by email becomes the user condition', async () => {
		lookup('ann@example.com', [user(241184, 'Ann Lee')]);
		api()
			.get('/api/userstasks')
			.query((query) => query.where === 'user_id=241184')
			.reply(200, { userstasks: [] });
		const result = await run('getAll', {
			filterBy: 'user',
			userId: locator('email', 'ann@example.com'),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
	});

	it('Get Many: By ID still takes several IDs separated by commas', async () => {
		api()
			.get('/api/userstasks')
			.query((query) => query.where === 'task_id in (1,2)')
			.reply(200, { userstasks: [] });
		const result = await run('getAll', {
			filterBy: 'task',
			taskId: locator('id', '1, 2'),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
	});
});

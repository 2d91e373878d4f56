import { sleep } from 'n8n-workflow';
import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { PaymoApi } from '../../credentials/PaymoApi.credentials';
import { runNode } from '../harness/run';

// base64("key-1:X"): the API key as Basic user name, a fixed non-empty password.
const basicAuth = 'Basic a2V5LTE6WA==';
const credentials = { paymoApi: { apiKey: 'key-1' } };
const api = () => nock('https://app.paymoapp.com', { reqheaders: { authorization: basicAuth } });
const roomy = {
	'X-Ratelimit-Limit': '5',
	'X-Ratelimit-Remaining': '4',
	'X-Ratelimit-Decay-Period': '5',
};

const assignment = {
	id: 15200864,
	user_id: 241185,
	task_id: 1536,
	created_on: '2017-02-16T14:43:11Z',
	updated_on: '2017-02-16T14:43:11Z',
};

async function run(
	operation: string,
	parameters: Record<string, NodeParameterValueType>,
	extra: { items?: IDataObject[]; continueOnFail?: boolean; credentials?: IDataObject } = {},
) {
	return await runNode({
		node: 'paymo',
		parameters: { resource: 'assignment', operation, ...parameters },
		credentials: { paymoApi: { ...credentials.paymoApi, ...extra.credentials } },
		items: extra.items,
		continueOnFail: extra.continueOnFail,
	});
}

/** Counts requests that should never be sent. */
function unexpectedRequests() {
	const count = { sent: 0 };
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		api()
			.intercept(() => true, method)
			.optionally()
			.reply(() => {
				count.sent++;
				return [500, {}];
			});
	}
	return count;
}

beforeEach(() => jest.mocked(sleep).mockClear());

describe('credential', () => {
	test('sends the key as Basic user name, tests with GET /me on the overridable base URL', async () => {
		const credential = new PaymoApi();
		// The test request's shape: base URL and path apart (an https base URL, or it is refused).
		const baseURL = 'https://app.paymoapp.com/api';
		const applied = await credential.authenticate(
			{ apiKey: 'key-1' },
			{ baseURL, url: '/me', headers: {} },
		);
		expect(applied).toEqual({
			baseURL,
			url: '/me',
			headers: {},
			auth: { username: 'key-1', password: 'X' },
		});
		expect(credential.test.request.url).toBe('/me');
		expect(credential.test.request.baseURL).toContain('$credentials.baseUrl');
		const key = credential.properties.find((property) => property.name === 'apiKey');
		expect(key?.typeOptions?.password).toBe(true);
		const base = credential.properties.find((property) => property.name === 'baseUrl');
		expect(base?.default).toBe('https://app.paymoapp.com/api');
	});

	test('an overridden base URL is used (trailing slash ignored)', async () => {
		const scope = nock('https://paymo.example.com', { reqheaders: { authorization: basicAuth } })
			.get('/proxy/api/userstasks/15200864')
			.reply(200, { userstasks: [assignment] }, roomy);
		const result = await run(
			'get',
			{ assignmentId: '15200864' },
			{ credentials: { baseUrl: 'https://paymo.example.com/proxy/api/' } },
		);
		expect(result.items.map((item) => item.json)).toEqual([assignment]);
		scope.done();
	});
});

describe('Get', () => {
	test('returns the record, not the {"userstasks": [...]} wrapper', async () => {
		const scope = api()
			.get('/api/userstasks/15200864')
			.reply(200, { userstasks: [assignment] }, roomy);
		const result = await run('get', { assignmentId: '15200864' });
		expect(result.items).toEqual([{ json: assignment, pairedItem: { item: 0 } }]);
		scope.done();
	});

	test('include nests the user and the task', async () => {
		const withIncludes = {
			...assignment,
			user: { id: 241185, name: 'Ann Example' },
			task: { id: 1536, name: 'Design review' },
		};
		const scope = api()
			.get((uri) => uri === '/api/userstasks/15200864?include=user%2Ctask')
			.reply(200, { userstasks: [withIncludes] }, roomy);
		const result = await run('get', {
			assignmentId: '15200864',
			options: { include: ['user', 'task'] },
		});
		expect(result.items.map((item) => item.json)).toEqual([withIncludes]);
		scope.done();
	});

	test('an answer without a record is an error, not an empty item', async () => {
		const scope = api().get('/api/userstasks/15200864').reply(200, { userstasks: [] }, roomy);
		const result = await run('get', { assignmentId: '15200864' });
		expect(result.error?.message).toBe(
			'Paymo answered without the task assignment 15200864 [item 0]',
		);
		scope.done();
	});

	test('404: the vendor message with a hint', async () => {
		const scope = api()
			.get('/api/userstasks/9')
			.reply(404, { message: 'Task assignment not found' });
		const result = await run('get', { assignmentId: '9' });
		expect(result.error?.message).toBe('Task assignment not found');
		expect(result.error?.description).toContain('Check the ID');
		expect(result.error?.httpCode).toBe('404');
		scope.done();
	});

	test('401: explains that the key is the Basic user name', async () => {
		const scope = api().get('/api/userstasks/9').reply(401, { message: 'Invalid API key' });
		const result = await run('get', { assignmentId: '9' });
		expect(result.error?.message).toBe('Invalid API key');
		expect(result.error?.description).toContain('user name of HTTP Basic authentication');
		scope.done();
	});

	test.each([
		['empty (from an expression)', '={{ "" }}', 'Assignment ID is empty [item 0]'],
		['not a number', 'abc', 'Assignment ID must be a positive whole number, got "abc" [item 0]'],
		['a path', '1/../2', 'Assignment ID must be a positive whole number, got "1/../2" [item 0]'],
	])('bad ID (%s) sends no request', async (_name, assignmentId, message) => {
		const count = unexpectedRequests();
		const result = await run('get', { assignmentId });
		expect(result.error?.message).toBe(message);
		expect(count.sent).toBe(0);
	});
});

describe('Create', () => {
	test('POSTs user_id and task_id as numbers; 201 → the new record', async () => {
		const scope = api()
			.post('/api/userstasks', { user_id: 241184, task_id: 48591 })
			.matchHeader('content-type', 'application/json')
			.reply(
				201,
				{ userstasks: [{ ...assignment, user_id: 241184, task_id: 48591 }] },
				{
					...roomy,
					Location: 'https://app.paymoapp.com/api/userstasks/15200864',
				},
			);
		const result = await run('create', {
			userId: { __rl: true, mode: 'id', value: '241184' },
			taskId: { __rl: true, mode: 'id', value: '48591' },
		});
		expect(result.items).toEqual([
			{ json: { ...assignment, user_id: 241184, task_id: 48591 }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	test('a 429 is waited out and the create is sent again, once', async () => {
		const scope = api()
			.post('/api/userstasks', { user_id: 1, task_id: 2 })
			.reply(429, { message: 'Too Many Requests' }, { 'Retry-After': '4' })
			.post('/api/userstasks', { user_id: 1, task_id: 2 })
			.reply(201, { userstasks: [{ id: 3, user_id: 1, task_id: 2 }] }, roomy);
		const result = await run('create', {
			userId: { __rl: true, mode: 'id', value: '1' },
			taskId: { __rl: true, mode: 'id', value: '2' },
		});
		expect(result.items.map((item) => item.json)).toEqual([{ id: 3, user_id: 1, task_id: 2 }]);
		expect(jest.mocked(sleep).mock.calls).toEqual([[4_000]]);
		scope.done();
	});

	test('400: the vendor message is shown', async () => {
		const scope = api()
			.post('/api/userstasks')
			.reply(400, { message: 'The user is already assigned to this task' });
		const result = await run('create', {
			userId: { __rl: true, mode: 'id', value: '1' },
			taskId: { __rl: true, mode: 'id', value: '2' },
		});
		expect(result.error?.message).toBe('The user is already assigned to this task');
		scope.done();
	});

	test.each([
		[
			{ userId: 'ann', taskId: { __rl: true, mode: 'id', value: '2' } },
			'User ID must be a positive whole number, got "ann" [item 0]',
		],
		[
			{ userId: { __rl: true, mode: 'id', value: '1' }, taskId: '-2' },
			'Task ID must be a positive whole number, got "-2" [item 0]',
		],
	])('bad input %p sends no request', async (parameters, message) => {
		const count = unexpectedRequests();
		const result = await run('create', parameters);
		expect(result.error?.message).toBe(message);
		expect(count.sent).toBe(0);
	});
});

describe('Update', () => {
	test.each<[string, Record<string, NodeParameterValueType>, IDataObject]>([
		['task only', { taskId: { __rl: true, mode: 'id', value: '4059' } }, { task_id: 4059 }],
		['user only', { userId: { __rl: true, mode: 'id', value: '241186' } }, { user_id: 241186 }],
		[
			'both',
			{
				userId: { __rl: true, mode: 'id', value: '241186' },
				taskId: { __rl: true, mode: 'id', value: '4059' },
			},
			{ user_id: 241186, task_id: 4059 },
		],
	])('PUTs only the changed fields (%s)', async (_name, updateFields, body) => {
		const updated = { ...assignment, ...body };
		const scope = api()
			.put('/api/userstasks/15200864', (sent) => JSON.stringify(sent) === JSON.stringify(body))
			.matchHeader('content-type', 'application/json')
			.reply(200, { userstasks: [updated] }, roomy);
		const result = await run('update', { assignmentId: '15200864', updateFields });
		expect(result.items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
		scope.done();
	});

	test.each([
		[{ assignmentId: '15200864', updateFields: {} }, 'Update Fields is empty [item 0]'],
		[
			{ assignmentId: '15200864', updateFields: { taskId: 'x' } },
			'Task ID must be a positive whole number, got "x" [item 0]',
		],
		[
			{ assignmentId: '0', updateFields: { taskId: { __rl: true, mode: 'id', value: '1' } } },
			'Assignment ID must be a positive whole number, got "0" [item 0]',
		],
	])('bad input %p sends no request', async (parameters, message) => {
		const count = unexpectedRequests();
		const result = await run('update', parameters);
		expect(result.error?.message).toBe(message);
		expect(count.sent).toBe(0);
	});
});

describe('Delete', () => {
	test.each([
		['an empty body', ''],
		['an empty object', {}],
	])('200 with %s → { deleted: true, id }', async (_name, body) => {
		const scope = api().delete('/api/userstasks/15200864').reply(200, body, roomy);
		const result = await run('delete', { assignmentId: '15200864' });
		expect(result.items).toEqual([
			{ json: { deleted: true, id: 15200864 }, pairedItem: { item: 0 } },
		]);
		scope.done();
	});

	test('bad ID sends no request', async () => {
		const count = unexpectedRequests();
		const result = await run('delete', { assignmentId: '12x' });
		expect(result.error?.message).toBe(
			'Assignment ID must be a positive whole number, got "12x" [item 0]',
		);
		expect(count.sent).toBe(0);
	});
});

describe('several input items', () => {
	const items = [{ id: '11' }, { id: '12' }, { id: 'oops' }, { id: '14' }];

	test('continue on fail: each output item pairs with its input, errors included', async () => {
		const scope = api()
			.get('/api/userstasks/11')
			.reply(200, { userstasks: [{ id: 11 }] }, roomy)
			.get('/api/userstasks/12')
			.reply(404, { message: 'Task assignment not found' }, roomy)
			.get('/api/userstasks/14')
			.reply(200, { userstasks: [{ id: 14 }] }, roomy);
		const result = await run(
			'get',
			{ assignmentId: '={{ $json.id }}' },
			{ items, continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ id: 11 }, { item: 0 }],
			[expect.objectContaining({ error: 'Task assignment not found' }), { item: 1 }],
			[
				expect.objectContaining({
					error: 'Assignment ID must be a positive whole number, got "oops" [item 2]',
				}),
				{ item: 2 },
			],
			[{ id: 14 }, { item: 3 }],
		]);
		scope.done();
	});

	test('without continue on fail the first failure stops the node, naming its item', async () => {
		const scope = api()
			.get('/api/userstasks/11')
			.reply(200, { userstasks: [{ id: 11 }] }, roomy)
			.get('/api/userstasks/12')
			.reply(404, { message: 'Task assignment not found' }, roomy);
		const result = await run('get', { assignmentId: '={{ $json.id }}' }, { items });
		expect(result.error?.message).toBe('Task assignment not found');
		expect(result.error?.context?.itemIndex).toBe(1);
		scope.done();
	});

	test('Get Many per item: each item gets its own where, outputs paired to it', async () => {
		const scope = api()
			.get((uri) => uri === '/api/userstasks?where=user_id%3D1&page=0&page_size=100')
			.reply(200, { userstasks: [{ id: 100 }, { id: 101 }] }, roomy)
			.get((uri) => uri === '/api/userstasks?where=user_id%3D2&page=0&page_size=100')
			.reply(200, { userstasks: [{ id: 200 }] }, roomy);
		const result = await run(
			'getAll',
			{ filterBy: 'user', userId: '={{ $json.user }}', returnAll: true },
			{ items: [{ user: 1 }, { user: 2 }] },
		);
		expect(result.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[100, { item: 0 }],
			[101, { item: 0 }],
			[200, { item: 1 }],
		]);
		scope.done();
	});
});

import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';

// base64("key-1:X"): the API key as Basic user name, a fixed non-empty password.
const basicAuth = 'Basic a2V5LTE6WA==';
const credentials = { paymoApi: { apiKey: 'key-1' } };
const api = () => nock('https://app.paymoapp.com', { reqheaders: { authorization: basicAuth } });
/** Requests are left in the window, so the pacer adds no waits. */
const roomy = {
	'X-Ratelimit-Limit': '5',
	'X-Ratelimit-Remaining': '4',
	'X-Ratelimit-Decay-Period': '5',
};

const assignment = {
	id: 15200864,
	user_id: 241184,
	task_id: 48591,
	created_on: '2017-02-16T14:43:11Z',
	updated_on: '2017-02-16T14:43:11Z',
};

/** The one lookup of a pair: both conditions in one `where`, encoded once. */
const lookup = () =>
	api().get(
		(uri) =>
			uri === '/api/userstasks?where=user_id%3D241184%20and%20task_id%3D48591&page=0&page_size=100',
	);

const pair = {
	userId: { __rl: true, mode: 'id', value: '241184' },
	taskId: { __rl: true, mode: 'id', value: '48591' },
};

async function run(
	operation: string,
	parameters: Record<string, NodeParameterValueType> = {},
	extra: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({
		node: 'paymo',
		parameters: { resource: 'assignment', operation, ...pair, ...parameters },
		credentials,
		...extra,
	});
}

const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('Paymo › Assign (If Not Assigned)', () => {
	it('creates the task assignment when the pair has none', async () => {
		lookup().reply(200, { userstasks: [] }, roomy);
		api()
			.post('/api/userstasks', { user_id: 241184, task_id: 48591 })
			.reply(201, { userstasks: [assignment] }, roomy);
		const result = await run('ensureAssigned');
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ ...assignment, action: 'created' }]);
	});

	it('leaves an existing one alone: the lookup is the only request', async () => {
		lookup().reply(200, { userstasks: [assignment] }, roomy);
		const result = await run('ensureAssigned');
		expect(jsonOf(result.items)).toEqual([{ ...assignment, action: 'unchanged' }]);
	});

	it.each([
		['no user', { userId: '={{ "" }}' }, 'User ID is empty [item 0]'],
		[
			'several tasks',
			{ taskId: '1,2' },
			'Task ID must be a positive whole number, got "1,2" [item 0]',
		],
	])('bad input (%s) stops before any request', async (_, change, message) => {
		const result = await run('ensureAssigned', change);
		expect(result.error?.message).toBe(message);
	});

	it('with continue on fail, a bad item gives its error item, paired, and the others their results', async () => {
		lookup().reply(200, { userstasks: [assignment] }, roomy);
		const result = await run(
			'ensureAssigned',
			{ taskId: '={{ $json.task }}' },
			{ items: [{ task: 'x' }, { task: '48591' }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(jsonOf(result.items).map((json) => json.action ?? json.error)).toEqual([
			'Task ID must be a positive whole number, got "x" [item 0]',
			'unchanged',
		]);
	});
});

describe('Paymo › Unassign (If Assigned)', () => {
	it('deletes the task assignment of the pair', async () => {
		lookup().reply(200, { userstasks: [assignment] }, roomy);
		api().delete('/api/userstasks/15200864').reply(200, '', roomy);
		const result = await run('ensureUnassigned');
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 15200864 }]);
	});

	it('answers "not found" without a write when the pair has none', async () => {
		lookup().reply(200, { userstasks: [] }, roomy);
		const result = await run('ensureUnassigned');
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found' }]);
	});

	it('answers "not found" when the delete meets a 404', async () => {
		lookup().reply(200, { userstasks: [assignment] }, roomy);
		api().delete('/api/userstasks/15200864').reply(404, { message: 'Not found' }, roomy);
		const result = await run('ensureUnassigned');
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found', id: 15200864 }]);
	});
});

describe('Paymo › Assign/Unassign against the stateful sandbox', () => {
	const env = useSandbox({ size: { paymo: 50 } });
	const methods = () => env.sandbox.requests.map((request) => request.method);
	const sandboxRun = async (operation: string) =>
		await runNode({
			node: 'paymo',
			credentials: env.credentials('paymoApi'),
			// The sandbox's empty task and a user, twice in one run.
			items: [{}, {}],
			parameters: { resource: 'assignment', operation, userId: '241184', taskId: '48591' },
		});

	it('running the same input twice changes nothing the second time', async () => {
		env.sandbox.clearRequests();
		const first = await sandboxRun('ensureAssigned');
		expect(first.error).toBeUndefined();
		expect(jsonOf(first.items).map((json) => json.action)).toEqual(['created', 'unchanged']);
		expect(methods()).toEqual(['GET', 'POST', 'GET']);
		const id = jsonOf(first.items)[0].id;

		env.sandbox.clearRequests();
		const second = await sandboxRun('ensureAssigned');
		expect(jsonOf(second.items).map((json) => [json.id, json.action])).toEqual([
			[id, 'unchanged'],
			[id, 'unchanged'],
		]);
		expect(methods()).toEqual(['GET', 'GET']);

		env.sandbox.clearRequests();
		const removed = await sandboxRun('ensureUnassigned');
		expect(jsonOf(removed.items)).toEqual([
			{ deleted: true, id },
			{ deleted: false, reason: 'not found' },
		]);
		expect(methods()).toEqual(['GET', 'DELETE', 'GET']);
	});
});

import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';

const origin = 'https://api.xurrent.com';
const taskPath = '/v1/project_tasks/5/assignments';
const token = 'dummy-xurrent-pat-5e1a';
const credentials = { xurrentApi: { accessToken: token, accountId: 'widget' } };

const api = () =>
	nock(origin, {
		reqheaders: { authorization: `Bearer ${token}`, 'x-xurrent-account': 'widget' },
	});

const account = { id: 'widget', name: 'Widget International' };
/** The documented list example: Ellen Brown (156) waiting, Howard Tanner (6) assigned. */
const ellen: IDataObject = {
	assignee: { id: 156, name: 'Ellen Brown', account },
	attachment: null,
	created_at: '2016-12-23T05:09:09-06:00',
	id: 75,
	planned_effort: 240,
	status: 'waiting_for',
	updated_at: '2017-01-19T13:34:25-06:00',
	waiting_until: '2017-01-22T15:00:00Z',
	account,
};
const howard: IDataObject = {
	assignee: { id: 6, name: 'Howard Tanner', account },
	attachment: null,
	created_at: '2017-01-19T13:24:16-06:00',
	id: 107,
	planned_effort: null,
	status: 'assigned',
	updated_at: '2017-01-19T13:33:59-06:00',
	waiting_until: null,
	account,
};

/** The one lookup: the task's own list, one page of 100. */
const lookup = () => api().get(taskPath).query({ per_page: '100' }).reply(200, [ellen, howard]);

const run = async (
	operation: string,
	parameters: Record<string, NodeParameterValueType>,
	extra: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) =>
	await runNode({
		node: 'xurrent',
		parameters: {
			resource: 'assignment',
			operation,
			taskId: { __rl: true, mode: 'id', value: '5' },
			...parameters,
		},
		credentials,
		...extra,
	});

const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('Xurrent › Assign (If Not Assigned)', () => {
	it('creates the assignment when the person has none on the task', async () => {
		lookup();
		const created = { ...howard, id: 109, assignee: { id: 41, name: 'Beatrice Baldwin' } };
		api().post(taskPath, { assignee_id: 41, planned_effort: 180 }).reply(201, created);
		const result = await run('ensureAssigned', {
			assigneeId: '41',
			additionalFields: { plannedEffort: 180 },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ ...created, action: 'created' }]);
	});

	it('updates only the fields that differ', async () => {
		lookup();
		api()
			.patch(`${taskPath}/75`, { planned_effort: 300 })
			.reply(200, { ...ellen, planned_effort: 300 });
		const result = await run('ensureAssigned', {
			assigneeId: '156',
			// The same instant in another offset is not a difference.
			additionalFields: { plannedEffort: 300, waitingUntil: '2017-01-22T16:00:00+01:00' },
		});
		expect(jsonOf(result.items)).toEqual([{ ...ellen, planned_effort: 300, action: 'updated' }]);
	});

	it('leaves a matching one alone: the lookup is the only request', async () => {
		lookup();
		const result = await run('ensureAssigned', {
			assigneeId: '156',
			additionalFields: { plannedEffort: 240 },
		});
		expect(jsonOf(result.items)).toEqual([{ ...ellen, action: 'unchanged' }]);
	});

	it.each([
		[
			'an effort above the maximum',
			{ assigneeId: '156', additionalFields: { plannedEffort: 700000 } },
			'Planned Effort must be a whole number between 0 and 600000, got 700000 [item 0]',
		],
		[
			// The email lookup would be a request: the bad effort stops the item before it.
			'an effort above the maximum, person by email',
			{
				assigneeId: { __rl: true, mode: 'email', value: 'ellen@example.com' },
				additionalFields: { plannedEffort: 700000 },
			},
			'Planned Effort must be a whole number between 0 and 600000, got 700000 [item 0]',
		],
		['no person', { assigneeId: '={{ "" }}' }, 'Assignee ID is empty [item 0]'],
	])('bad input (%s) stops before any request', async (_, parameters, message) => {
		const result = await run('ensureAssigned', parameters);
		expect(result.error?.message).toBe(message);
	});
});

describe('Xurrent › Unassign (If Assigned)', () => {
	it('removes the person’s assignment by its own ID', async () => {
		lookup();
		api().delete(`${taskPath}/107`).reply(204);
		const result = await run('ensureUnassigned', { assigneeId: '6' });
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 107 }]);
	});

	it('answers "not found" without a write when the person has none on the task', async () => {
		lookup();
		const result = await run('ensureUnassigned', { assigneeId: '41' });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found' }]);
	});

	it('answers "not found" when the delete meets a 404', async () => {
		lookup();
		api().delete(`${taskPath}/107`).reply(404, { message: 'Not Found' });
		const result = await run('ensureUnassigned', { assigneeId: '6' });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found', id: 107 }]);
	});

	it('with continue on fail, a bad item gives its error item, paired', async () => {
		lookup();
		api().delete(`${taskPath}/107`).reply(204);
		const result = await run(
			'ensureUnassigned',
			{ assigneeId: '={{ $json.person }}' },
			{ items: [{ person: '6' }, { person: '-1' }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(jsonOf(result.items)).toEqual([
			{ deleted: true, id: 107 },
			{ error: 'Assignee ID must be a positive whole number, got "-1" [item 1]' },
		]);
	});
});

describe('Xurrent › Assign/Unassign against the stateful sandbox', () => {
	const env = useSandbox({ size: { xurrent: 50 } });
	const methods = () => env.sandbox.requests.map((request) => request.method);
	// The sandbox's empty task and person 41, twice in one run.
	const sandboxRun = async (operation: string) =>
		await runNode({
			node: 'xurrent',
			credentials: env.credentials('xurrentApi'),
			items: [{}, {}],
			parameters: {
				resource: 'assignment',
				operation,
				taskId: '1002',
				assigneeId: '41',
				...(operation === 'ensureAssigned' ? { additionalFields: { plannedEffort: 120 } } : {}),
			},
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

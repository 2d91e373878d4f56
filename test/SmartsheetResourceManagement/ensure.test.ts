import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';
import { api, assignment, page, run } from './fixtures';

// The recorded 2017 list: two identical assignments of user 30256 to project 183760.
const first = assignment(186875);
const second = assignment(186876, { created_at: '2017-01-27T23:19:29Z' });
const other = assignment(186900, { assignable_id: 999, starts_at: '2017-01-05' });

/** The one lookup: the user's list, narrowed to the dates (a day wider on each side). */
const lookup = (data: IDataObject[], prefix = '/users/30256') =>
	api()
		.get(`/api/v1${prefix}/assignments`)
		.query({ from: '2016-12-31', to: '2017-02-01', per_page: '1000' })
		.reply(200, page(data));

const pair: Record<string, NodeParameterValueType> = {
	assignTo: 'user',
	userId: { __rl: true, mode: 'id', value: '30256' },
	assignableId: { __rl: true, mode: 'id', value: '183760' },
	startsAt: '2017-01-01',
	endsAt: '2017-01-31',
};

const ensure = async (
	operation: string,
	change: Record<string, NodeParameterValueType> = {},
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) => await run({ operation, ...pair, ...change }, options);

const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('Smartsheet RM › Assign (If Not Assigned)', () => {
	it('creates the assignment when the person has none with these dates on the assignable', async () => {
		lookup([other]);
		const created = assignment(186882, { percent: 0.5 });
		api()
			.post('/api/v1/users/30256/assignments', {
				assignable_id: 183760,
				starts_at: '2017-01-01',
				ends_at: '2017-01-31',
				allocation_mode: 'percent',
				percent: 0.5,
				note: 'n8n',
			})
			.reply(200, created);
		const result = await ensure('ensureAssigned', {
			allocationMode: 'percent',
			percent: 50,
			additionalFields: { note: 'n8n' },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ ...created, action: 'created' }]);
	});

	it('leaves a match alone (the first of two identical ones): the lookup is the only request', async () => {
		lookup([other, first, second]);
		const result = await ensure('ensureAssigned', { allocationMode: 'percent', percent: 100 });
		expect(jsonOf(result.items)).toEqual([{ ...first, action: 'unchanged' }]);
	});

	it('updates only what differs: the allocation as mode and value', async () => {
		lookup([first]);
		const updated = assignment(186875, { percent: 0.5, note: 'x' });
		api()
			.put('/api/v1/assignments/186875', { allocation_mode: 'percent', percent: 0.5, note: 'x' })
			.reply(200, updated);
		const result = await ensure('ensureAssigned', {
			allocationMode: 'percent',
			percent: 50,
			additionalFields: { note: 'x' },
		});
		expect(jsonOf(result.items)).toEqual([{ ...updated, action: 'updated' }]);
	});

	it('reads "fixed_hours" on a record as the fixed mode', async () => {
		lookup([{ ...first, allocation_mode: 'fixed_hours', fixed_hours: 8 }]);
		const result = await ensure('ensureAssigned', { allocationMode: 'fixed', fixedHours: 8 });
		expect(jsonOf(result.items)[0].action).toBe('unchanged');
	});

	it('looks a placeholder up through its own route', async () => {
		lookup([{ ...first, user_id: 900001 }], '/placeholder_resources/900001');
		const result = await ensure('ensureAssigned', {
			assignTo: 'placeholder',
			placeholderId: { __rl: true, mode: 'id', value: '900001' },
		});
		expect(jsonOf(result.items)[0].action).toBe('unchanged');
	});

	it.each([
		[
			'an end before the start',
			{ endsAt: '2016-12-01' },
			'End Date (2016-12-01) is before Start Date (2017-01-01) [item 0]',
		],
		[
			'a percent above 100',
			{ allocationMode: 'percent', percent: 150 },
			'Percent must be a number from 0 to 100, got 150 [item 0]',
		],
		['no assignable', { assignableId: '={{ "" }}' }, 'Assignable ID is empty [item 0]'],
	])('bad input (%s) stops before any request', async (_, change, message) => {
		const result = await ensure('ensureAssigned', change);
		expect(result.error?.message).toBe(message);
	});
});

describe('Smartsheet RM › Unassign (If Assigned)', () => {
	it('deletes every match through the person’s route, so none is left', async () => {
		lookup([first, other, second]);
		api()
			.delete('/api/v1/users/30256/assignments/186875')
			.reply(200, '')
			.delete('/api/v1/users/30256/assignments/186876')
			.reply(200, '');
		const result = await ensure('ensureUnassigned');
		expect(jsonOf(result.items)).toEqual([
			{ deleted: true, id: 186875 },
			{ deleted: true, id: 186876 },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('answers "not found" without a write when there is no match', async () => {
		lookup([other]);
		const result = await ensure('ensureUnassigned');
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found' }]);
	});

	it('answers "not found" when the delete meets a 404', async () => {
		lookup([first]);
		api().delete('/api/v1/users/30256/assignments/186875').reply(404, { message: 'not found' });
		const result = await ensure('ensureUnassigned');
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found', id: 186875 }]);
	});

	it('with continue on fail, a bad item gives its error item, paired', async () => {
		lookup([]);
		const result = await ensure(
			'ensureUnassigned',
			{ startsAt: '={{ $json.start }}' },
			{ items: [{ start: 'soon' }, { start: '2017-01-01' }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(jsonOf(result.items)).toEqual([
			{ error: 'Start Date must be a date, got "soon" [item 0]' },
			{ deleted: false, reason: 'not found' },
		]);
	});
});

describe('Smartsheet RM › Assign/Unassign against the stateful sandbox', () => {
	const env = useSandbox({ size: { rm: 50 } });
	const methods = () => env.sandbox.requests.map((request) => request.method);
	// The sandbox's user and empty project, twice in one run.
	const sandboxRun = async (operation: string, change: IDataObject = {}) =>
		await runNode({
			node: 'smartsheetResourceManagement',
			credentials: env.credentials('smartsheetResourceManagementApi'),
			items: [{}, {}],
			parameters: {
				resource: 'assignment',
				operation,
				...pair,
				startsAt: '2026-03-02',
				endsAt: '2026-03-02',
				...(operation === 'ensureAssigned'
					? { allocationMode: 'hoursPerDay', hoursPerDay: 4, ...change }
					: {}),
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
		const changed = await sandboxRun('ensureAssigned', { hoursPerDay: 6 });
		expect(jsonOf(changed.items).map((json) => [json.id, json.action, json.hours_per_day])).toEqual(
			[
				[id, 'updated', 6],
				[id, 'unchanged', 6],
			],
		);
		expect(methods()).toEqual(['GET', 'PUT', 'GET']);

		env.sandbox.clearRequests();
		const removed = await sandboxRun('ensureUnassigned');
		expect(jsonOf(removed.items)).toEqual([
			{ deleted: true, id },
			{ deleted: false, reason: 'not found' },
		]);
		expect(methods()).toEqual(['GET', 'DELETE', 'GET']);
	});
});

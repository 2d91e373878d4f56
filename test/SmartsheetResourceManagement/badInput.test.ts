import type { NodeParameterValueType } from 'n8n-workflow';

import { run } from './fixtures';

type Parameters = Record<string, NodeParameterValueType>;

const create: Parameters = {
	operation: 'create',
	userId: { __rl: true, mode: 'id', value: '30256' },
	assignableId: { __rl: true, mode: 'id', value: '183760' },
	startsAt: '2026-01-01',
	endsAt: '2026-01-31',
};

// The network is closed (nock, no interceptors); `attempts` also counts any request that tried.
const cases: Array<[string, Parameters, string]> = [
	[
		'blank assignment ID',
		{ operation: 'get', scope: 'none', assignmentId: '  ' },
		'Assignment ID is empty [item 0]',
	],
	[
		'ID from an empty expression',
		{ operation: 'delete', assignmentId: '={{ $json.missing }}', userId: '30256' },
		'Assignment ID is empty [item 0]',
	],
	[
		'non-numeric ID',
		{ operation: 'get', scope: 'none', assignmentId: 'abc' },
		'Assignment ID must be a positive whole number, got "abc" [item 0]',
	],
	[
		'ID with a slash',
		{ operation: 'delete', assignmentId: '1/../2', userId: '30256' },
		'got "1/../2" [item 0]',
	],
	[
		'ID with a query',
		{ operation: 'get', scope: 'none', assignmentId: '1?auth=x' },
		'got "1?auth=x"',
	],
	[
		'ID with %2F',
		{ operation: 'update', assignmentId: '1%2F2', updateFields: { note: 'x' } },
		'got "1%2F2"',
	],
	['negative ID', { operation: 'get', scope: 'none', assignmentId: '-1' }, 'got "-1"'],
	['fractional ID', { operation: 'get', scope: 'none', assignmentId: 1.5 }, 'got 1.5'],
	[
		'injected user ID in a get scope',
		{ operation: 'get', assignmentId: '1', scope: 'user', userId: '5/assignments/6' },
		'User ID must be a positive whole number, got "5/assignments/6" [item 0]',
	],
	[
		'blank project ID in the list scope',
		{ operation: 'getAll', scope: 'project', projectId: '={{ "" }}', returnAll: true },
		'Project ID is empty [item 0]',
	],
	[
		'non-numeric placeholder ID',
		{ operation: 'getAll', scope: 'placeholder', placeholderId: 'p1', returnAll: true },
		'Placeholder ID must be a positive whole number, got "p1" [item 0]',
	],
	[
		'injected user ID on delete',
		{ operation: 'delete', assignmentId: '1', userId: '5#' },
		'User ID must be a positive whole number, got "5#" [item 0]',
	],
	[
		'limit 0',
		{ operation: 'getAll', scope: 'all', returnAll: false, limit: 0 },
		'Limit must be a whole number 1 or more, got 0 [item 0]',
	],
	[
		'bad From date',
		{ operation: 'getAll', scope: 'all', returnAll: true, filters: { from: 'last week' } },
		'Filter "From" must be a date, got "last week" [item 0]',
	],
	[
		'To before From',
		{
			operation: 'getAll',
			scope: 'all',
			returnAll: true,
			filters: { from: '2026-02-01', to: '2026-01-31' },
		},
		'Filter "To" (2026-01-31) is before Filter "From" (2026-02-01) [item 0]',
	],
	[
		'non-numeric user ID on create',
		{ ...create, userId: 'bob' },
		'User ID must be a positive whole number, got "bob" [item 0]',
	],
	[
		'blank assignable ID on create',
		{ ...create, assignableId: '={{ " " }}' },
		'Assignable ID is empty [item 0]',
	],
	[
		'bad start date',
		{ ...create, startsAt: '31/01/2026' },
		'Start Date must be a date, got "31/01/2026" [item 0]',
	],
	[
		'end date before start date',
		{ ...create, endsAt: '2025-12-31' },
		'End Date (2025-12-31) is before Start Date (2026-01-01) [item 0]',
	],
	[
		'percent above 100',
		{ ...create, allocationMode: 'percent', percent: 150 },
		'Percent must be a number from 0 to 100, got 150 [item 0]',
	],
	[
		'negative percent',
		{ ...create, allocationMode: 'percent', percent: -5 },
		'Percent must be a number from 0 to 100, got -5 [item 0]',
	],
	[
		'non-numeric percent',
		{ ...create, allocationMode: 'percent', percent: '={{ "half" }}' },
		'got "half" [item 0]',
	],
	[
		'missing hours per day',
		{ ...create, allocationMode: 'hoursPerDay', hoursPerDay: '={{ $json.nope }}' },
		'Hours Per Day is empty [item 0]',
	],
	[
		'hours per day above 24',
		{ ...create, allocationMode: 'hoursPerDay', hoursPerDay: 25 },
		'Hours Per Day must be a number from 0 to 24, got 25 [item 0]',
	],
	[
		'missing fixed hours',
		{ ...create, allocationMode: 'fixed', fixedHours: '={{ "" }}' },
		'Fixed Hours is empty [item 0]',
	],
	[
		'negative fixed hours',
		{ ...create, allocationMode: 'fixed', fixedHours: -1 },
		'Fixed Hours must be a number 0 or more, got -1 [item 0]',
	],
	[
		'unknown allocation mode',
		{ ...create, allocationMode: '={{ "weekly" }}' },
		'Allocation Mode "weekly" is not supported [item 0]',
	],
	[
		'non-numeric status option',
		{ ...create, additionalFields: { statusOptionId: 'done' } },
		'Status Option ID must be a positive whole number, got "done" [item 0]',
	],
	[
		'subtask without a description',
		{
			...create,
			additionalFields: { subtasks: { subtask: [{ description: 'a' }, { description: ' ' }] } },
		},
		'Subtask 2 has no description [item 0]',
	],
	[
		'update with nothing to change',
		{ operation: 'update', assignmentId: '1', allocationMode: 'unchanged', updateFields: {} },
		'Nothing to update: Update Fields is empty and Allocation Mode is "Keep Unchanged" [item 0]',
	],
	[
		'update with the end before the start',
		{
			operation: 'update',
			assignmentId: '1',
			updateFields: { startsAt: '2026-03-02', endsAt: '2026-03-01' },
		},
		'End Date (2026-03-01) is before Start Date (2026-03-02) [item 0]',
	],
	[
		'update with percent out of range',
		{ operation: 'update', assignmentId: '1', allocationMode: 'percent', percent: 101 },
		'Percent must be a number from 0 to 100, got 101 [item 0]',
	],
];

describe('Smartsheet RM › bad input sends no request', () => {
	let attempts = 0;
	const count = () => attempts++;
	beforeAll(() => nock.emitter.on('no match', count));
	afterAll(() => nock.emitter.off('no match', count));
	beforeEach(() => (attempts = 0));

	it.each(cases)('%s', async (_, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(message);
		expect(result.error?.description).toBeTruthy();
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(attempts).toBe(0);
	});

	it('counts a request that does get sent (so the checks above can fail)', async () => {
		const result = await run({ operation: 'get', scope: 'none', assignmentId: '1' });
		expect(result.error?.message).toContain('could not be reached');
		expect(attempts).toBeGreaterThan(0);
	});

	it.each([
		['Assignment ID', { operation: 'get', scope: 'none', assignmentId: '' }],
		['User ID', { ...create, userId: '' }],
		['Start Date', { ...create, startsAt: '' }],
	])('an empty required %s is refused by the engine', async (label, parameters) => {
		const result = await run(parameters as Parameters);
		expect(result.error?.message).toContain(`Parameter "${label}" is required`);
		expect(attempts).toBe(0);
	});

	it('names the failing item among several', async () => {
		const result = await run(
			{ operation: 'delete', assignmentId: '={{ $json.id }}', userId: '30256' },
			{ items: [{ id: 'x' }, { id: '1' }] },
		);
		expect(result.error?.message).toBe(
			'Assignment ID must be a positive whole number, got "x" [item 0]',
		);
		expect(attempts).toBe(0);
	});
});

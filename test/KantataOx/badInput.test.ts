import type { NodeParameterValueType } from 'n8n-workflow';

import { run } from './fixtures';

// The network is closed (nock, no interceptors): any request would fail the run differently.
const cases: Array<[string, Record<string, NodeParameterValueType>, string]> = [
	[
		'whitespace ID on get',
		{ operation: 'get', assignmentId: ' ' },
		'Assignment ID is empty [item 0]',
	],
	[
		'whitespace ID',
		{ operation: 'delete', assignmentId: '   ' },
		'Assignment ID is empty [item 0]',
	],
	[
		'expression resolving to empty',
		{ operation: 'delete', assignmentId: '={{ $json.missing }}' },
		'Assignment ID is empty [item 0]',
	],
	[
		'non-numeric ID',
		{ operation: 'get', assignmentId: 'abc' },
		'Assignment ID must be a positive whole number, got "abc" [item 0]',
	],
	['ID with a slash', { operation: 'delete', assignmentId: '1/2' }, 'got "1/2"'],
	[
		'ID with a query',
		{ operation: 'update', assignmentId: '1?x=1', updateFields: { current: true } },
		'got "1?x=1"',
	],
	['ID with a fragment', { operation: 'get', assignmentId: '1#x' }, 'got "1#x"'],
	['ID with ..', { operation: 'get', assignmentId: '../1' }, 'got "../1"'],
	['ID with %2F', { operation: 'get', assignmentId: '1%2F2' }, 'got "1%2F2"'],
	[
		'ID with a newline',
		{ operation: 'get', assignmentId: '1\n2' },
		'must be a positive whole number',
	],
	['negative ID', { operation: 'get', assignmentId: '-5' }, 'got "-5"'],
	['zero ID', { operation: 'get', assignmentId: '0' }, 'got "0"'],
	[
		'huge ID',
		{ operation: 'get', assignmentId: '99999999999999999999' },
		'got "99999999999999999999"',
	],
	[
		'ID as an object',
		{ operation: 'get', assignmentId: '={{ { "id": 1 } }}' },
		'must be a positive whole number',
	],
	[
		'limit 0',
		{ operation: 'getAll', returnAll: false, limit: 0 },
		'Limit must be a whole number 1 or more, got 0 [item 0]',
	],
	[
		'negative limit',
		{ operation: 'getAll', returnAll: false, limit: -3 },
		'Limit must be a whole number 1 or more, got -3 [item 0]',
	],
	['fractional limit', { operation: 'getAll', returnAll: false, limit: 2.5 }, 'got 2.5'],
	[
		'non-numeric story filter',
		{ operation: 'getAll', returnAll: true, filters: { storyId: '12a' } },
		'Filter "Story ID" must be a positive whole number, got "12a" [item 0]',
	],
	[
		'invalid date filter',
		{ operation: 'getAll', returnAll: true, filters: { createdAfter: 'yesterday' } },
		'Filter "Created After" must be a date, got "yesterday" [item 0]',
	],
	[
		'bad only list',
		{ operation: 'getAll', returnAll: true, filters: { only: '1,a' } },
		'must be a comma-separated list of numeric IDs',
	],
	[
		'allocation days with plannable false',
		{
			operation: 'getAll',
			returnAll: true,
			filters: { plannable: false },
			options: { include: ['story_allocation_days'] },
		},
		'needs the Plannable filter set to true',
	],
	[
		'create with a blank story expression',
		{
			operation: 'create',
			storyId: '={{ "" }}',
			assigneeId: { __rl: true, mode: 'id', value: '1' },
		},
		'Story ID is empty [item 0]',
	],
	[
		'create with neither user nor resource',
		{ operation: 'create', storyId: { __rl: true, mode: 'id', value: '5' } },
		'Set Assignee ID or Resource ID [item 0]',
	],
	[
		'create with both user and resource',
		{
			operation: 'create',
			storyId: { __rl: true, mode: 'id', value: '5' },
			assigneeId: { __rl: true, mode: 'id', value: '1' },
			resourceId: { __rl: true, mode: 'id', value: '2' },
		},
		'Set either Assignee ID or Resource ID, not both [item 0]',
	],
	[
		'create with negative minutes',
		{
			operation: 'create',
			storyId: { __rl: true, mode: 'id', value: '5' },
			assigneeId: { __rl: true, mode: 'id', value: '1' },
			additionalFields: { estimatedMinutes: -1 },
		},
		'Estimated Minutes must be a whole number 0 or more, got -1 [item 0]',
	],
	[
		'create with an incomplete external reference',
		{
			operation: 'create',
			storyId: { __rl: true, mode: 'id', value: '5' },
			assigneeId: { __rl: true, mode: 'id', value: '1' },
			additionalFields: { externalReference: { reference: { serviceName: 'n8n' } } },
		},
		'External Reference needs Service Model [item 0]',
	],
	[
		'update with nothing to change',
		{ operation: 'update', assignmentId: '1', updateFields: {} },
		'Update Fields is empty [item 0]',
	],
	[
		'update with both user and resource',
		{
			operation: 'update',
			assignmentId: '1',
			updateFields: {
				assigneeId: { __rl: true, mode: 'id', value: '1' },
				resourceId: { __rl: true, mode: 'id', value: '2' },
			},
		},
		'not both [item 0]',
	],
];

describe('Kantata OX › bad input sends no request', () => {
	// A literally empty required field never reaches the node: n8n's engine refuses the workflow.
	it.each([
		['Assignment ID', { operation: 'get', assignmentId: '' }],
		[
			'Story ID',
			{ operation: 'create', storyId: '', assigneeId: { __rl: true, mode: 'id', value: '1' } },
		],
	])('empty required %s is refused by the engine', async (label, parameters) => {
		const result = await run(parameters as Record<string, NodeParameterValueType>);
		expect(result.error?.message).toContain('node has issues');
		expect(result.error?.message).toContain(`Parameter "${label}" is required`);
	});

	it.each(cases)('%s', async (_, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(message);
		expect(result.error?.description).toBeTruthy();
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('names the failing item among several', async () => {
		const result = await run(
			{ operation: 'delete', assignmentId: '={{ $json.id }}' },
			{ items: [{ id: '' }, { id: '1' }], continueOnFail: false },
		);
		expect(result.error?.message).toBe('Assignment ID is empty [item 0]');
	});
});

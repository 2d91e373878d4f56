import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RunResult } from './harness/run';
import { runNode } from './harness/run';

/**
 * Issue #9: bad input to any of the four nodes stops in the node, before any request, with a
 * NodeOperationError that names the parameter (as the UI shows it) and the item.
 *
 * Nothing is mocked here and the network is closed, so every request a node tries is a nock
 * "no match": the recorder below sees all of them, whatever the host. The controls at the end
 * prove it does (a valid input is recorded), so "no request" is an assertion that can fail.
 */

type Parameters = Record<string, NodeParameterValueType>;
type Operation =
	| 'getAll'
	| 'get'
	| 'create'
	| 'update'
	| 'delete'
	| 'deleteAll'
	| 'ensureAssigned'
	| 'ensureUnassigned';
type VendorName = 'kantataOx' | 'smartsheetResourceManagement' | 'xurrent' | 'paymo';

interface Vendor {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** A valid parameter set per operation: a case changes only the parameter under test. */
	valid: Partial<Record<Operation, Parameters>>;
}

// Placeholder secrets say so ('dummy'); the harness scans every run for them.
const vendors: Record<VendorName, Vendor> = {
	kantataOx: {
		credentials: { kantataOxApi: { accessToken: 'dummy-kantata-matrix-3c8f' } },
		valid: {
			getAll: { operation: 'getAll', returnAll: false, limit: 5 },
			get: { operation: 'get', assignmentId: '1' },
			create: { operation: 'create', storyId: '5', assigneeId: '1' },
			update: { operation: 'update', assignmentId: '1', updateFields: { current: true } },
			delete: { operation: 'delete', assignmentId: '1' },
			ensureAssigned: { operation: 'ensureAssigned', storyId: '5', assigneeId: '1' },
			ensureUnassigned: { operation: 'ensureUnassigned', storyId: '5', resourceId: '2' },
		},
	},
	smartsheetResourceManagement: {
		credentials: { smartsheetResourceManagementApi: { apiToken: 'dummy-rm-matrix-7a41' } },
		valid: {
			getAll: { operation: 'getAll', scope: 'all', returnAll: false, limit: 5 },
			get: { operation: 'get', scope: 'none', assignmentId: '1' },
			create: {
				operation: 'create',
				userId: '30256',
				assignableId: '183760',
				startsAt: '2026-01-01',
				endsAt: '2026-01-31',
			},
			update: { operation: 'update', assignmentId: '1', updateFields: { note: 'x' } },
			delete: { operation: 'delete', assignmentId: '1', userId: '30256' },
			ensureAssigned: {
				operation: 'ensureAssigned',
				userId: '30256',
				assignableId: '183760',
				startsAt: '2026-01-01',
				endsAt: '2026-01-31',
			},
			ensureUnassigned: {
				operation: 'ensureUnassigned',
				assignTo: 'placeholder',
				placeholderId: '900001',
				assignableId: '183760',
				startsAt: '2026-01-01',
				endsAt: '2026-01-31',
			},
		},
	},
	xurrent: {
		credentials: { xurrentApi: { accessToken: 'dummy-xurrent-matrix-91d2', accountId: 'widget' } },
		valid: {
			getAll: { operation: 'getAll', taskId: '5', returnAll: false, limit: 5 },
			get: { operation: 'get', taskId: '5', assignmentId: '1' },
			create: { operation: 'create', taskId: '5', assigneeId: '41' },
			update: {
				operation: 'update',
				taskId: '5',
				assignmentId: '1',
				updateFields: { plannedEffort: 60 },
			},
			delete: { operation: 'delete', taskId: '5', assignmentId: '1' },
			deleteAll: { operation: 'deleteAll', taskId: '5' },
			ensureAssigned: { operation: 'ensureAssigned', taskId: '5', assigneeId: '41' },
			ensureUnassigned: { operation: 'ensureUnassigned', taskId: '5', assigneeId: '41' },
		},
	},
	paymo: {
		credentials: { paymoApi: { apiKey: 'dummy-paymo-matrix-5e07' } },
		valid: {
			getAll: { operation: 'getAll', filterBy: 'user', userId: '1', returnAll: false, limit: 5 },
			get: { operation: 'get', assignmentId: '1' },
			create: { operation: 'create', userId: '1', taskId: '2' },
			update: { operation: 'update', assignmentId: '1', updateFields: { userId: '2' } },
			delete: { operation: 'delete', assignmentId: '1' },
			ensureAssigned: { operation: 'ensureAssigned', userId: '1', taskId: '2' },
			ensureUnassigned: { operation: 'ensureUnassigned', userId: '1', taskId: '2' },
		},
	},
};

const vendorNames = Object.keys(vendors) as VendorName[];

function parametersFor(vendor: VendorName, operation: Operation, change: Parameters): Parameters {
	const valid = vendors[vendor].valid[operation];
	if (!valid) throw new Error(`${vendor} has no ${operation} operation`);
	return { resource: 'assignment', ...valid, ...change };
}

const run = async (
	vendor: VendorName,
	parameters: Parameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<RunResult> =>
	await runNode({ node: vendor, credentials: vendors[vendor].credentials, parameters, ...options });

/** Every request any node tried in the current test, as "METHOD URL". */
const requests: string[] = [];
const record = (request: { method?: string; url?: string }) =>
	requests.push(`${request.method} ${request.url}`);
beforeAll(() => nock.emitter.on('no match', record));
afterAll(() => nock.emitter.off('no match', record));
beforeEach(() => {
	requests.length = 0;
});

interface Case {
	vendor: VendorName;
	operation: Operation;
	title: string;
	/** The parameters that differ from the operation's valid set. */
	change: Parameters;
	/** The parameter's display name, as the message must name it. */
	label: string;
	/** What the message says is wrong. */
	says: string;
	/** Input items (expressions read them); default one empty item. */
	items?: IDataObject[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function expectNamed(message: string | undefined, testCase: Case, itemIndex: number) {
	expect(message).toContain(testCase.label);
	expect(message).toContain(testCase.says);
	expect(message).toMatch(new RegExp(`${escape(`[item ${itemIndex}]`)}$`));
}

/**
 * One case, run twice through the engine: as users run it by default (the node stops at item 0)
 * and with "continue on fail" over two such items, where the error items carry the node's own
 * error objects (the engine keeps a stopped node's error only as a plain copy), so the class is
 * checked there, and every item names itself.
 */
async function expectRefused(testCase: Case) {
	const parameters = parametersFor(testCase.vendor, testCase.operation, testCase.change);
	const item = testCase.items?.[0] ?? {};

	const stopped = await run(testCase.vendor, parameters, { items: [item] });
	expect(stopped.items).toEqual([]);
	expect(stopped.error?.name).toBe('NodeOperationError');
	expectNamed(stopped.error?.message, testCase, 0);
	expect(stopped.error?.description).toBeTruthy();
	expect(stopped.error?.context?.itemIndex).toBe(0);
	expect(requests).toEqual([]);

	const continued = await run(testCase.vendor, parameters, {
		items: [item, item],
		continueOnFail: true,
	});
	expect(continued.error).toBeUndefined();
	expect(continued.items.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	continued.items.forEach((output, itemIndex) => {
		expect(output.error).toBeInstanceOf(NodeOperationError);
		expect(output.error?.constructor.name).toBe('NodeOperationError');
		expect(output.json.error).toBe(output.error?.message);
		expectNamed(output.error?.message, testCase, itemIndex);
	});
	expect(requests).toEqual([]);
}

const caseTitle = (testCase: Case) =>
	`${testCase.vendor} › ${testCase.operation} › ${testCase.title}`;

// ─── Shared tables, applied to every node ──────────────────────────────────────────────────────

const empty = 'Assignment ID is empty';
const notAnId = 'Assignment ID must be a positive whole number';

/** Assignment IDs that must never reach a URL. */
const badIds: Array<[string, NodeParameterValueType, string]> = [
	['blank, from an expression', '={{ "" }}', empty],
	['whitespace only', '  \t ', empty],
	['non-numeric', 'abc', notAnId],
	['negative', '-5', notAnId],
	['zero', '0', notAnId],
	['huge (beyond a safe integer)', '99999999999999999999', notAnId],
	['fractional', '1.5', notAnId],
	['with a slash', '1/2', notAnId],
	['with ..', '../1', notAnId],
	['with ?', '1?x=1', notAnId],
	['with #', '1#x', notAnId],
	['with %2F', '1%2F2', notAnId],
	['with a newline', '1\n2', notAnId],
	['an expression resolving to nothing', '={{ $json.missing }}', empty],
	['an expression resolving to null', '={{ null }}', empty],
	['an expression resolving to an object', '={{ { "id": 1 } }}', notAnId],
	['an expression resolving to an array', '={{ [1] }}', notAnId],
];

/**
 * Xurrent's single Delete gets every bad ID: a blank one there would be the delete-all URL. The
 * other nodes take the IDs in turn on Get, Update and Delete.
 */
const idOperations: Operation[] = ['get', 'update', 'delete'];
const idCases: Case[] = vendorNames.flatMap((vendor, vendorIndex) =>
	badIds.map(([title, assignmentId, says], index) => ({
		vendor,
		operation:
			vendor === 'xurrent' ? 'delete' : idOperations[(index + vendorIndex) % idOperations.length],
		title: `Assignment ID ${title}`,
		change: { assignmentId },
		label: 'Assignment ID',
		says,
	})),
);

const limitSays = 'Limit must be a whole number 1 or more';
const badLimits: Array<[string, NodeParameterValueType]> = [
	['0', 0],
	['negative', -3],
	['not whole', 2.5],
	['huge', 1e20],
	['an expression resolving to text', '={{ "ten" }}'],
	['an expression resolving to an object', '={{ { "limit": 5 } }}'],
];
const limitCases: Case[] = vendorNames.flatMap((vendor) => [
	...badLimits.map(([title, limit]) => ({
		vendor,
		operation: 'getAll' as Operation,
		title: `Limit ${title}`,
		change: { returnAll: false, limit },
		label: 'Limit',
		says: limitSays,
	})),
	// An expression can hand Return All text; "no" must not read as "all".
	{
		vendor,
		operation: 'getAll' as Operation,
		title: 'Return All from an expression resolving to "no"',
		change: { returnAll: '={{ "no" }}' },
		label: 'Return All',
		says: 'Return All must be true or false, got "no"',
	},
]);

// ─── Vendor-specific tables ────────────────────────────────────────────────────────────────────

type Row = [Operation, string, Parameters, string, string, IDataObject[]?];
const rows = (vendor: VendorName, list: Row[]): Case[] =>
	list.map(([operation, title, change, label, says, items]) => ({
		vendor,
		operation,
		title,
		change,
		label,
		says,
		items,
	}));

const kantataCases = rows('kantataOx', [
	[
		'create',
		'missing Story ID (expression resolving to nothing)',
		{ storyId: '={{ $json.storyId }}' },
		'Story ID',
		'is empty',
		[{ title: 'no story here' }],
	],
	['create', 'injected Story ID', { storyId: '5/../6' }, 'Story ID', 'positive whole number'],
	[
		'create',
		'neither Assignee ID nor Resource ID',
		{ assigneeId: '' },
		'Assignee ID',
		'Set Assignee ID or Resource ID',
	],
	[
		'create',
		'Assignee ID and Resource ID together',
		{ resourceId: '2' },
		'Resource ID',
		'not both',
	],
	['create', 'Assignee ID with a query', { assigneeId: '1?x=1' }, 'Assignee ID', 'got "1?x=1"'],
	[
		'create',
		'negative Estimated Minutes',
		{ additionalFields: { estimatedMinutes: -1 } },
		'Estimated Minutes',
		'whole number 0 or more',
	],
	[
		'update',
		'fractional Estimated Minutes',
		{ updateFields: { estimatedMinutes: 1.5 } },
		'Estimated Minutes',
		'whole number 0 or more',
	],
	[
		'update',
		'Assignee ID and Resource ID together',
		{ updateFields: { assigneeId: '1', resourceId: '2' } },
		'Resource ID',
		'not both',
	],
	['update', 'nothing to change', { updateFields: {} }, 'Update Fields', 'is empty'],
	[
		'getAll',
		'invalid Created After',
		{ filters: { createdAfter: 'yesterday' } },
		'Created After',
		'must be a date',
	],
	[
		'getAll',
		'Updated Before from an expression resolving to an object',
		{ filters: { updatedBefore: '={{ { "date": "2026-01-01" } }}' } },
		'Updated Before',
		'must be a date',
	],
	[
		'getAll',
		'Created Before earlier than Created After',
		{ filters: { createdAfter: '2026-02-01', createdBefore: '2026-01-01' } },
		'Created Before',
		'is before Filter "Created After"',
	],
	[
		'getAll',
		'Updated Before earlier than Updated After (same day)',
		{ filters: { updatedAfter: '2026-01-01T10:00:00Z', updatedBefore: '2026-01-01T09:00:00Z' } },
		'Updated Before',
		'is before Filter "Updated After"',
	],
	[
		'getAll',
		'huge Story ID filter',
		{ filters: { storyId: '99999999999999999999' } },
		'Story ID',
		'must be a positive whole number',
	],
	[
		'getAll',
		'Workspace ID filter 0',
		{ filters: { workspaceId: '0' } },
		'Workspace ID',
		'must be a positive whole number',
	],
	[
		'getAll',
		'Only IDs with an injected parameter',
		{ filters: { only: '1,2&per_page=1' } },
		'Only IDs',
		'comma-separated list of numeric IDs',
	],
	[
		'getAll',
		'Story Allocation Days with Plannable false',
		{ filters: { plannable: false }, options: { include: ['story_allocation_days'] } },
		'Plannable',
		'needs the Plannable filter set to true',
	],
]);

const smartsheetCases = rows('smartsheetResourceManagement', [
	[
		'create',
		'invalid Start Date',
		{ startsAt: '31/01/2026' },
		'Start Date',
		'must be a date, got "31/01/2026"',
	],
	[
		'create',
		'missing Start Date (expression resolving to nothing)',
		{ startsAt: '={{ $json.start }}' },
		'Start Date',
		'must be a date',
	],
	['create', 'End Date before Start Date', { endsAt: '2025-12-31' }, 'End Date', 'is before'],
	['create', 'injected User ID', { userId: '5/assignments' }, 'User ID', 'positive whole number'],
	['create', 'blank Assignable ID', { assignableId: '={{ " " }}' }, 'Assignable ID', 'is empty'],
	[
		'create',
		'Percent over 100',
		{ allocationMode: 'percent', percent: 150 },
		'Percent',
		'from 0 to 100',
	],
	[
		'create',
		'Hours Per Day over 24',
		{ allocationMode: 'hoursPerDay', hoursPerDay: 25 },
		'Hours Per Day',
		'from 0 to 24',
	],
	[
		'create',
		'negative Fixed Hours',
		{ allocationMode: 'fixed', fixedHours: -1 },
		'Fixed Hours',
		'0 or more',
	],
	[
		'create',
		'Percent from an expression resolving to an object',
		{ allocationMode: 'percent', percent: '={{ { "value": 50 } }}' },
		'Percent',
		'from 0 to 100',
	],
	[
		'create',
		'injected Status Option ID',
		{ additionalFields: { statusOptionId: '1#x' } },
		'Status Option ID',
		'positive whole number',
	],
	[
		'get',
		'injected User ID in the scope',
		{ scope: 'user', userId: '5/assignments/6' },
		'User ID',
		'positive whole number',
	],
	[
		'get',
		'Scope from an expression naming no scope',
		// The engine cannot tell which scope ID an expression needs: it wants both filled in.
		{ scope: '={{ $json.scope }}', userId: '1', projectId: '2', placeholderId: '3' },
		'Scope',
		'is not supported',
		[{ scope: 'users' }],
	],
	['delete', 'injected User ID', { userId: '5?x' }, 'User ID', 'positive whole number'],
	[
		'getAll',
		'blank Project ID',
		{ scope: 'project', projectId: '={{ "" }}' },
		'Project ID',
		'is empty',
	],
	['getAll', 'invalid From', { filters: { from: 'last week' } }, 'From', 'must be a date'],
	[
		'getAll',
		'To before From',
		{ filters: { from: '2026-02-01', to: '2026-01-31' } },
		'To',
		'is before Filter "From"',
	],
	[
		'update',
		'End Date before Start Date',
		{ updateFields: { startsAt: '2026-03-02', endsAt: '2026-03-01' } },
		'End Date',
		'is before Start Date',
	],
	[
		'update',
		'nothing to change',
		{ allocationMode: 'unchanged', updateFields: {} },
		'Update Fields',
		'Nothing to update',
	],
]);

/** Project Task IDs: the Delete All route is the task's, so its ID is checked just as hard. */
const taskIdOperations: Operation[] = ['deleteAll', 'delete', 'getAll', 'create'];
const badTaskIds: Array<[string, NodeParameterValueType, string]> = [
	['blank, from an expression', '={{ $json.taskId }}', 'is empty'],
	['with a trailing slash', '5/', 'positive whole number'],
	['with %2F', '5%2F6', 'positive whole number'],
	['with ?', '5?x=1', 'positive whole number'],
	['with ..', '../5', 'positive whole number'],
	['an expression resolving to an object', '={{ { "id": 5 } }}', 'positive whole number'],
	['an expression resolving to an array', '={{ [5] }}', 'positive whole number'],
	['null', '={{ null }}', 'is empty'],
];
const xurrentTaskCases: Case[] = badTaskIds.map(([title, taskId, says], index) => ({
	vendor: 'xurrent',
	operation: taskIdOperations[index % taskIdOperations.length],
	title: `Project Task ID ${title}`,
	change: { taskId },
	label: 'Project Task ID',
	says,
}));

const xurrentCases = rows('xurrent', [
	['create', 'blank Assignee ID', { assigneeId: '={{ "  " }}' }, 'Assignee ID', 'is empty'],
	['create', 'injected Assignee ID', { assigneeId: '41#' }, 'Assignee ID', 'positive whole number'],
	[
		'create',
		'Planned Effort over the API maximum',
		{ additionalFields: { plannedEffort: 600001 } },
		'Planned Effort',
		'between 0 and 600000',
	],
	[
		'create',
		'negative Planned Effort',
		{ additionalFields: { plannedEffort: -1 } },
		'Planned Effort',
		'between 0 and 600000',
	],
	[
		'update',
		'fractional Planned Effort',
		{ updateFields: { plannedEffort: 1.5 } },
		'Planned Effort',
		'between 0 and 600000',
	],
	[
		'create',
		'invalid Waiting Until',
		{ additionalFields: { waitingUntil: 'next week' } },
		'Waiting Until',
		'must be a date',
	],
	[
		'update',
		'Waiting Until from an expression resolving to an object',
		{ updateFields: { waitingUntil: '={{ {} }}' } },
		'Waiting Until',
		'must be a date',
	],
	[
		'update',
		'injected Assignee ID',
		{ updateFields: { assigneeId: '41/..' } },
		'Assignee ID',
		'positive whole number',
	],
	['update', 'nothing to change', { updateFields: {} }, 'Update Fields', 'is empty'],
	[
		'get',
		'Assignment ID with a slash',
		{ assignmentId: '1/2' },
		'Assignment ID',
		'positive whole number',
	],
	['update', 'blank Assignment ID', { assignmentId: '={{ "" }}' }, 'Assignment ID', 'is empty'],
]);

const paymoCases = rows('paymo', [
	['getAll', 'User ID list with a word', { userId: '1,x' }, 'User ID', 'numeric ID or IDs'],
	['getAll', 'injected User ID', { userId: '1/2' }, 'User ID', 'numeric ID or IDs'],
	[
		'getAll',
		'missing Task ID (expression resolving to nothing)',
		{ filterBy: 'task', taskId: '={{ $json.task }}' },
		'Task ID',
		'numeric ID or IDs',
	],
	[
		'getAll',
		'invalid Created Since',
		{ filters: { createdSince: '2026-13-45' } },
		'Created Since',
		'must be a date',
	],
	[
		'getAll',
		'Updated Since from an expression resolving to an object',
		{ filters: { updatedSince: '={{ {} }}' } },
		'Updated Since',
		'must be a date',
	],
	[
		'getAll',
		'Created Before earlier than Created Since',
		{ filters: { createdSince: '2026-02-01', createdBefore: '2026-01-01' } },
		'Created Before',
		'is before Filter "Created Since"',
	],
	[
		'getAll',
		'Updated Before earlier than Updated Since',
		{ filters: { updatedSince: '2026-01-02T00:00:00Z', updatedBefore: '2026-01-01T23:00:00Z' } },
		'Updated Before',
		'is before Filter "Updated Since"',
	],
	[
		'getAll',
		'Task Complete from an expression resolving to text',
		{ filters: { taskComplete: '={{ "maybe" }}' } },
		'Task Complete',
		'must be true or false',
	],
	['create', 'injected User ID', { userId: '1?x' }, 'User ID', 'positive whole number'],
	['create', 'blank Task ID', { taskId: '={{ "" }}' }, 'Task ID', 'is empty'],
	['update', 'nothing to change', { updateFields: {} }, 'Update Fields', 'is empty'],
	[
		'update',
		'injected Task ID',
		{ updateFields: { taskId: '4/..' } },
		'Task ID',
		'positive whole number',
	],
]);

/** Assign (If Not Assigned) and Unassign (If Assigned): the pair and the wanted values. */
const ensureCases: Case[] = [
	...rows('kantataOx', [
		['ensureAssigned', 'blank Story ID', { storyId: '={{ "" }}' }, 'Story ID', 'is empty'],
		[
			'ensureUnassigned',
			'no user or resource',
			{ resourceId: '' },
			'Assignee ID or Resource ID',
			'Set',
		],
		['ensureAssigned', 'user and resource', { resourceId: '2' }, 'Resource ID', 'not both'],
		[
			'ensureAssigned',
			'fractional Estimated Minutes',
			{ additionalFields: { estimatedMinutes: 1.5 } },
			'Estimated Minutes',
			'whole number',
		],
		[
			'ensureUnassigned',
			'injected Story ID',
			{ storyId: '5/..' },
			'Story ID',
			'positive whole number',
		],
	]),
	...rows('smartsheetResourceManagement', [
		[
			'ensureAssigned',
			'End Date before Start Date',
			{ endsAt: '2025-12-31' },
			'End Date',
			'is before Start Date',
		],
		[
			'ensureUnassigned',
			'invalid Start Date',
			{ startsAt: 'soon' },
			'Start Date',
			'must be a date',
		],
		[
			'ensureUnassigned',
			'injected Placeholder ID',
			{ placeholderId: '9/1' },
			'Placeholder ID',
			'positive whole number',
		],
		[
			'ensureAssigned',
			'Percent over 100',
			{ allocationMode: 'percent', percent: 101 },
			'Percent',
			'from 0 to 100',
		],
		[
			'ensureAssigned',
			'blank Assignable ID',
			{ assignableId: '={{ "" }}' },
			'Assignable ID',
			'is empty',
		],
	]),
	...rows('xurrent', [
		[
			'ensureAssigned',
			'injected Assignee ID',
			{ assigneeId: '41#' },
			'Assignee ID',
			'positive whole number',
		],
		[
			'ensureAssigned',
			'invalid Waiting Until',
			{ additionalFields: { waitingUntil: 'later' } },
			'Waiting Until',
			'must be a date',
		],
		[
			'ensureUnassigned',
			'Project Task ID with a trailing slash',
			{ taskId: '5/' },
			'Project Task ID',
			'positive whole number',
		],
		[
			'ensureUnassigned',
			'blank Assignee ID',
			{ assigneeId: '={{ "" }}' },
			'Assignee ID',
			'is empty',
		],
	]),
	...rows('paymo', [
		['ensureAssigned', 'several Task IDs', { taskId: '2,3' }, 'Task ID', 'positive whole number'],
		['ensureUnassigned', 'blank User ID', { userId: '={{ "" }}' }, 'User ID', 'is empty'],
		['ensureUnassigned', 'injected Task ID', { taskId: '2?x' }, 'Task ID', 'positive whole number'],
	]),
];

const allCases: Case[] = [
	...ensureCases,
	...idCases,
	...limitCases,
	...kantataCases,
	...smartsheetCases,
	...xurrentTaskCases,
	...xurrentCases,
	...paymoCases,
];

describe('bad input matrix: a NodeOperationError naming parameter and item, and no request', () => {
	it('has the cases the issue asks for, on every node', () => {
		const perVendor = Object.fromEntries(
			vendorNames.map((vendor) => [vendor, allCases.filter((c) => c.vendor === vendor).length]),
		);
		for (const count of Object.values(perVendor)) expect(count).toBeGreaterThanOrEqual(25);
		expect(allCases.length).toBeGreaterThanOrEqual(40);
		expect(new Set(allCases.map(caseTitle)).size).toBe(allCases.length);
	});

	it.each(allCases.map((testCase) => [caseTitle(testCase), testCase] as const))(
		'%s',
		async (_, testCase) => {
			await expectRefused(testCase);
		},
	);
});

describe('items after the first name themselves (continue on fail, every item bad)', () => {
	it.each(vendorNames)(
		'%s › Delete with a different bad Assignment ID per item',
		async (vendor) => {
			const result = await run(
				vendor,
				parametersFor(vendor, 'delete', { assignmentId: '={{ $json.id }}' }),
				{ items: [{ id: ' ' }, { id: '7/../8' }, { id: { nested: 1 } }], continueOnFail: true },
			);
			expect(result.items.map((output) => output.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items.map((output) => output.json.error)).toEqual([
				'Assignment ID is empty [item 0]',
				'Assignment ID must be a positive whole number, got "7/../8" [item 1]',
				'Assignment ID must be a positive whole number, got {"nested":1} [item 2]',
			]);
			for (const output of result.items) expect(output.error).toBeInstanceOf(NodeOperationError);
			expect(requests).toEqual([]);
		},
	);

	it.each(vendorNames)('%s › Get Many with a different bad Limit per item', async (vendor) => {
		const result = await run(
			vendor,
			parametersFor(vendor, 'getAll', { limit: '={{ $json.limit }}' }),
			{ items: [{ limit: 0 }, { limit: 'all' }], continueOnFail: true },
		);
		expect(result.items.map((output) => [output.json.error, output.pairedItem])).toEqual([
			[`${limitSays}, got 0 [item 0]`, { item: 0 }],
			[`${limitSays}, got "all" [item 1]`, { item: 1 }],
		]);
		expect(requests).toEqual([]);
	});
});

describe('Xurrent › no input to the single Delete reaches the delete-all route', () => {
	const deleteAllRoute = /^DELETE .*\/project_tasks\/\d*\/assignments\/?(\?.*)?$/;

	it.each(badIds.map(([title, assignmentId]) => [title, assignmentId] as const))(
		'Assignment ID %s, typed or from the item: no DELETE at all',
		async (_, assignmentId) => {
			const typed = await run('xurrent', parametersFor('xurrent', 'delete', { assignmentId }), {
				items: [{}, {}],
				continueOnFail: true,
			});
			const fromItem = await run(
				'xurrent',
				parametersFor('xurrent', 'delete', { assignmentId: '={{ $json.id }}' }),
				{ items: [{ id: assignmentId }, {}], continueOnFail: true },
			);
			for (const result of [typed, fromItem]) {
				expect(result.items.map((output) => String(output.json.error))).toEqual([
					expect.stringMatching(/^Assignment ID [\s\S]* \[item 0\]$/),
					expect.stringMatching(/^Assignment ID [\s\S]* \[item 1\]$/),
				]);
			}
			expect(requests.filter((request) => request.startsWith('DELETE'))).toEqual([]);
			expect(requests.filter((request) => deleteAllRoute.test(request))).toEqual([]);
			expect(requests).toEqual([]);
		},
	);

	it('control: the delete-all pattern does match the route Delete All sends', async () => {
		await run('xurrent', parametersFor('xurrent', 'deleteAll', {}));
		expect(requests.length).toBeGreaterThanOrEqual(1);
		expect(requests.every((request) => deleteAllRoute.test(request))).toBe(true);
	});

	it('control: a valid Delete is recorded, on the one assignment’s URL', async () => {
		await run('xurrent', parametersFor('xurrent', 'delete', { assignmentId: '75' }));
		expect(requests[0]).toBe('DELETE https://api.xurrent.com/v1/project_tasks/5/assignments/75');
		expect(requests.filter((request) => deleteAllRoute.test(request))).toEqual([]);
	});
});

describe('a literally empty required field is refused by the engine before the node runs', () => {
	it.each([
		['kantataOx', 'get', { assignmentId: '' }, 'Assignment ID'],
		['kantataOx', 'create', { storyId: '' }, 'Story ID'],
		['smartsheetResourceManagement', 'create', { startsAt: '' }, 'Start Date'],
		['smartsheetResourceManagement', 'delete', { assignmentId: '' }, 'Assignment ID'],
		['xurrent', 'delete', { assignmentId: '' }, 'Assignment ID'],
		['xurrent', 'deleteAll', { taskId: '' }, 'Project Task ID'],
		['paymo', 'update', { assignmentId: '' }, 'Assignment ID'],
		['paymo', 'create', { taskId: '' }, 'Task ID'],
		['kantataOx', 'ensureAssigned', { storyId: '' }, 'Story ID'],
		['smartsheetResourceManagement', 'ensureUnassigned', { endsAt: '' }, 'End Date'],
		['xurrent', 'ensureUnassigned', { assigneeId: '' }, 'Assignee ID'],
		['paymo', 'ensureAssigned', { userId: '' }, 'User ID'],
	] as Array<[VendorName, Operation, Parameters, string]>)(
		'%s › %s › empty %j',
		async (vendor, operation, change, label) => {
			const result = await run(vendor, parametersFor(vendor, operation, change));
			expect(result.error?.message).toContain(`Parameter "${label}" is required`);
			expect(result.run).toBeUndefined();
			expect(requests).toEqual([]);
		},
	);
});

describe('controls: the recorder sees the requests valid input sends', () => {
	const controls = vendorNames.flatMap((vendor) =>
		(Object.keys(vendors[vendor].valid) as Operation[]).map(
			(operation) => [vendor, operation] as const,
		),
	);

	it.each(controls)('%s › %s with valid input is recorded', async (vendor, operation) => {
		const result = await run(vendor, parametersFor(vendor, operation, {}));
		expect(requests.length).toBeGreaterThanOrEqual(1);
		// Offline, the request fails: with the node's transport error, not a parameter complaint.
		expect(result.error?.name).not.toBe('NodeOperationError');
	});

	it.each(vendorNames)(
		'%s › a good item after a bad one is sent, the bad one is not',
		async (vendor) => {
			const result = await run(
				vendor,
				parametersFor(vendor, 'delete', { assignmentId: '={{ $json.id }}' }),
				{ items: [{ id: 'x' }, { id: '1' }], continueOnFail: true },
			);
			expect(result.items.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(result.items[0].json.error).toBe(
				'Assignment ID must be a positive whole number, got "x" [item 0]',
			);
			expect(requests.length).toBeGreaterThanOrEqual(1);
			expect(requests.every((request) => /^DELETE \S+\/1(\.json)?$/.test(request))).toBe(true);
		},
	);
});

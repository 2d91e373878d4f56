import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { KantataOx } from '../nodes/KantataOx/KantataOx.node';
import { Paymo } from '../nodes/Paymo/Paymo.node';
import { SmartsheetResourceManagement } from '../nodes/SmartsheetResourceManagement/SmartsheetResourceManagement.node';
import { Xurrent } from '../nodes/Xurrent/Xurrent.node';
import type { SimplifiedAssignment } from '../nodes/shared/output';
import { runNode } from './harness/run';
import * as kantata from './KantataOx/fixtures';
import * as rm from './SmartsheetResourceManagement/fixtures';

type Operation = 'get' | 'getAll' | 'create' | 'update';
const operations: Operation[] = ['get', 'getAll', 'create', 'update'];

interface VendorCase {
	node: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Each operation's parameters, and the mocked exchange that answers it with `record`. */
	calls: Record<
		Operation,
		{ parameters: Record<string, NodeParameterValueType>; mock: () => void }
	>;
	/** The node's Raw output for the record (what version 1 has always given). */
	raw: IDataObject;
	/** The record simplified; `byOperation` adds what only some requests establish. */
	simplified: SimplifiedAssignment;
	byOperation?: Partial<Record<Operation, Partial<SimplifiedAssignment>>>;
}

const id = (value: string) => ({ __rl: true, mode: 'id', value });
const empty = {
	assigneeType: null,
	assigneeName: null,
	taskId: null,
	taskName: null,
	projectId: null,
	startsOn: null,
	endsOn: null,
	effortMinutes: null,
	effortMinutesPerDay: null,
	allocationPercent: null,
	status: null,
	active: true,
	createdAt: null,
	updatedAt: null,
};

// Kantata OX: the fixture record of its own tests, the envelope around it.
const kantataRecord = kantata.assignment(1001);
const kantataReply = () => [200, kantata.envelope([kantata.assignment(1001)])] as const;

// Smartsheet RM: the recorded create answer (revelrylabs/tenk cassette, 2017).
const rmRecord = rm.assignment(186882);

// Xurrent: the first record of the documented list example.
const xurrentRecord: IDataObject = {
	assignee: {
		id: 156,
		name: 'Ellen Brown',
		account: { id: 'widget', name: 'Widget International' },
	},
	attachment: null,
	created_at: '2016-12-23T05:09:09-06:00',
	id: 75,
	planned_effort: 240,
	status: 'waiting_for',
	updated_at: '2017-01-19T13:34:25-06:00',
	waiting_until: '2017-01-22T15:00:00Z',
	account: { id: 'widget', name: 'Widget International' },
};
const xurrent = () => nock('https://api.xurrent.com');

// Paymo: the documented Get example.
const paymoRecord: IDataObject = {
	id: 15200864,
	user_id: 241185,
	task_id: 1536,
	created_on: '2017-02-16T14:43:11Z',
	updated_on: '2017-02-16T14:43:11Z',
};
const paymo = () => nock('https://app.paymoapp.com');
const paymoReply = (status = 200) =>
	[status, { userstasks: [paymoRecord] }, { 'X-Ratelimit-Remaining': '4' }] as const;

const vendors: Record<string, VendorCase> = {
	'Kantata OX': {
		node: 'kantataOx',
		credentials: kantata.credentials,
		calls: {
			get: {
				parameters: { assignmentId: '1001' },
				mock: () =>
					kantata
						.api()
						.get('/api/v1/assignments/1001.json')
						.reply(...kantataReply()),
			},
			getAll: {
				parameters: { returnAll: false, limit: 5 },
				mock: () =>
					kantata
						.api()
						.get('/api/v1/assignments.json')
						.query(true)
						.reply(...kantataReply()),
			},
			create: {
				parameters: { storyId: id('26133885'), assigneeId: id('3711195') },
				mock: () =>
					kantata
						.api()
						.post('/api/v1/assignments.json')
						.reply(...kantataReply()),
			},
			update: {
				parameters: { assignmentId: '1001', updateFields: { estimatedMinutes: 480 } },
				mock: () =>
					kantata
						.api()
						.put('/api/v1/assignments/1001.json')
						.reply(...kantataReply()),
			},
		},
		raw: kantata.output(kantataRecord),
		simplified: {
			...empty,
			id: '1001',
			vendor: 'kantataOx',
			assigneeId: '3711195',
			assigneeType: 'user',
			taskId: '26133885',
			effortMinutes: 480,
			createdAt: '2024-01-15T09:00:00-08:00',
			updatedAt: '2024-01-15T09:00:00-08:00',
		},
	},
	'Smartsheet RM': {
		node: 'smartsheetResourceManagement',
		credentials: rm.credentials,
		calls: {
			get: {
				parameters: { assignmentId: '186882', scope: 'none' },
				mock: () => rm.api().get('/api/v1/assignments/186882').reply(200, rmRecord),
			},
			getAll: {
				parameters: { scope: 'user', userId: id('30256'), returnAll: false, limit: 5 },
				mock: () =>
					rm
						.api()
						.get('/api/v1/users/30256/assignments')
						.query(true)
						.reply(200, rm.page([rmRecord])),
			},
			create: {
				parameters: {
					assignTo: 'user',
					userId: id('30256'),
					assignableId: id('183760'),
					startsAt: '2017-01-01',
					endsAt: '2017-01-31',
				},
				mock: () => rm.api().post('/api/v1/users/30256/assignments').reply(200, rmRecord),
			},
			update: {
				parameters: { assignmentId: '186882', allocationMode: 'percent', percent: 100 },
				mock: () => rm.api().put('/api/v1/assignments/186882').reply(200, rmRecord),
			},
		},
		raw: rmRecord,
		simplified: {
			...empty,
			id: '186882',
			vendor: 'smartsheetResourceManagement',
			assigneeId: '30256',
			projectId: '183760',
			startsOn: '2017-01-01',
			endsOn: '2017-01-31',
			allocationPercent: 100,
			createdAt: '2017-01-27T23:18:13Z',
			updatedAt: '2017-01-27T23:18:13Z',
		},
		// The request says it is a user's: Create assigns to a user, Get Many lists a user's.
		byOperation: { create: { assigneeType: 'user' }, getAll: { assigneeType: 'user' } },
	},
	Xurrent: {
		node: 'xurrent',
		credentials: { xurrentApi: { accessToken: 'dummy-xurrent-pat-0b9e', accountId: 'widget' } },
		calls: {
			get: {
				parameters: { taskId: id('5'), assignmentId: '75' },
				mock: () =>
					xurrent().get('/v1/project_tasks/5/assignments').query(true).reply(200, [xurrentRecord]),
			},
			getAll: {
				parameters: { taskId: id('5'), returnAll: false, limit: 5 },
				mock: () =>
					xurrent().get('/v1/project_tasks/5/assignments').query(true).reply(200, [xurrentRecord]),
			},
			create: {
				parameters: { taskId: id('5'), assigneeId: id('156') },
				mock: () => xurrent().post('/v1/project_tasks/5/assignments').reply(201, xurrentRecord),
			},
			update: {
				parameters: { taskId: id('5'), assignmentId: '75', updateFields: { plannedEffort: 240 } },
				mock: () => xurrent().patch('/v1/project_tasks/5/assignments/75').reply(200, xurrentRecord),
			},
		},
		raw: xurrentRecord,
		simplified: {
			...empty,
			id: '75',
			vendor: 'xurrent',
			assigneeId: '156',
			assigneeType: 'user',
			assigneeName: 'Ellen Brown',
			// Not in the record: the project task of the request.
			taskId: '5',
			effortMinutes: 240,
			status: 'waiting_for',
			createdAt: '2016-12-23T05:09:09-06:00',
			updatedAt: '2017-01-19T13:34:25-06:00',
		},
	},
	Paymo: {
		node: 'paymo',
		credentials: { paymoApi: { apiKey: 'dummy-paymo-key-7c1d' } },
		calls: {
			get: {
				parameters: { assignmentId: '15200864' },
				mock: () =>
					paymo()
						.get('/api/userstasks/15200864')
						.reply(...paymoReply()),
			},
			getAll: {
				parameters: { filterBy: 'user', userId: id('241185'), returnAll: false, limit: 5 },
				mock: () =>
					paymo()
						.get('/api/userstasks')
						.query(true)
						.reply(...paymoReply()),
			},
			create: {
				parameters: { userId: id('241185'), taskId: id('1536') },
				mock: () =>
					paymo()
						.post('/api/userstasks')
						.reply(...paymoReply(201)),
			},
			update: {
				parameters: { assignmentId: '15200864', updateFields: { taskId: id('1536') } },
				mock: () =>
					paymo()
						.put('/api/userstasks/15200864')
						.reply(...paymoReply()),
			},
		},
		raw: paymoRecord,
		simplified: {
			...empty,
			id: '15200864',
			vendor: 'paymo',
			assigneeId: '241185',
			assigneeType: 'user',
			taskId: '1536',
			createdAt: '2017-02-16T14:43:11Z',
			updatedAt: '2017-02-16T14:43:11Z',
		},
	},
};

const cases = Object.keys(vendors).flatMap((label) =>
	operations.map((operation) => [label, operation] as const),
);

async function run(
	label: string,
	operation: Operation,
	typeVersion: number,
	output?: string,
): Promise<IDataObject[]> {
	const vendor = vendors[label];
	const call = vendor.calls[operation];
	call.mock();
	const result = await runNode({
		node: vendor.node,
		typeVersion,
		credentials: vendor.credentials,
		parameters: {
			resource: 'assignment',
			operation,
			...call.parameters,
			...(output ? { output } : {}),
		},
	});
	if (result.error) throw result.error;
	return result.items.map((item) => item.json);
}

const simplifiedOf = (label: string, operation: Operation) => ({
	...vendors[label].simplified,
	...vendors[label].byOperation?.[operation],
});

describe('Output › version 1.1', () => {
	test.each(cases)('%s %s gives the simplified shape by default', async (label, operation) => {
		expect(await run(label, operation, 1.1)).toEqual([simplifiedOf(label, operation)]);
	});

	test.each(cases)('%s %s gives the vendor record with Output Raw', async (label, operation) => {
		expect(await run(label, operation, 1.1, 'raw')).toEqual([vendors[label].raw]);
	});
});

describe('Output › version 1 (workflows saved before the option existed)', () => {
	test.each(cases)('%s %s still gives the vendor record', async (label, operation) => {
		expect(await run(label, operation, 1)).toEqual([vendors[label].raw]);
	});

	test.each(Object.keys(vendors))(
		'%s Get gives the simplified shape when chosen',
		async (label) => {
			expect(await run(label, 'get', 1, 'simplified')).toEqual([simplifiedOf(label, 'get')]);
		},
	);
});

describe('Output › the parameter', () => {
	const nodes = [new KantataOx(), new SmartsheetResourceManagement(), new Xurrent(), new Paymo()];

	/** The parameters n8n stores for a new node of this version and operation (defaults filled). */
	const resolved = (node: (typeof nodes)[number], typeVersion: number, operation: string) =>
		NodeHelpers.getNodeParameters(
			node.description.properties,
			{ resource: 'assignment', operation },
			true,
			false,
			{ typeVersion } as never,
			node.description,
		);

	test.each(nodes.map((node) => [node.description.displayName, node] as const))(
		'%s: offered on Get, Get Many, Create, Update and Assign (If Not Assigned); Simplified by default from 1.1 only',
		(_name, node) => {
			expect(node.description.version).toEqual([1, 1.1]);
			for (const operation of [...operations, 'ensureAssigned']) {
				expect(resolved(node, 1, operation)?.output).toBe('raw');
				expect(resolved(node, 1.1, operation)?.output).toBe('simplified');
			}
			expect(resolved(node, 1.1, 'delete')?.output).toBeUndefined();
			expect(resolved(node, 1.1, 'ensureUnassigned')?.output).toBeUndefined();
		},
	);

	test('an unknown Output value is refused before any request is sent', async () => {
		const result = await runNode({
			node: 'paymo',
			typeVersion: 1.1,
			credentials: vendors.Paymo.credentials,
			parameters: { resource: 'assignment', operation: 'get', assignmentId: '1', output: 'short' },
		});
		expect(result.error?.message).toBe(
			'Output must be "simplified" or "raw", got "short" [item 0]',
		);
	});

	test('Assign (If Not Assigned) on version 1.1: the simplified shape, and what it did', async () => {
		paymo().get('/api/userstasks').query(true).reply(...paymoReply());
		const result = await runNode({
			node: 'paymo',
			typeVersion: 1.1,
			credentials: vendors.Paymo.credentials,
			parameters: {
				resource: 'assignment',
				operation: 'ensureAssigned',
				userId: id('241185'),
				taskId: id('1536'),
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ ...vendors.Paymo.simplified, action: 'unchanged' },
		]);
	});

	test('Delete keeps its own answer on version 1.1', async () => {
		kantata.api().delete('/api/v1/assignments/1001.json').reply(204);
		const result = await runNode({
			node: 'kantataOx',
			typeVersion: 1.1,
			credentials: kantata.credentials,
			parameters: { resource: 'assignment', operation: 'delete', assignmentId: '1001' },
		});
		expect(result.items.map((item) => item.json)).toEqual([{ deleted: true, id: '1001' }]);
	});

	test('Smartsheet RM: a Get through a user, a Get Many of a placeholder, name the assignee type', async () => {
		rm.api().get('/api/v1/users/30256/assignments/186882').reply(200, rmRecord);
		rm.api()
			.get('/api/v1/placeholder_resources/77/assignments')
			.query(true)
			.reply(200, rm.page([{ ...rmRecord, user_id: 77 }]));
		const typeOf = async (parameters: Record<string, NodeParameterValueType>) => {
			const result = await runNode({
				node: 'smartsheetResourceManagement',
				typeVersion: 1.1,
				credentials: rm.credentials,
				parameters: { resource: 'assignment', ...parameters },
			});
			return result.items.map((item) => [item.json.assigneeId, item.json.assigneeType]);
		};
		expect(
			await typeOf({
				operation: 'get',
				assignmentId: '186882',
				scope: 'user',
				userId: id('30256'),
			}),
		).toEqual([['30256', 'user']]);
		expect(
			await typeOf({
				operation: 'getAll',
				scope: 'placeholder',
				placeholderId: id('77'),
				limit: 5,
			}),
		).toEqual([['77', 'placeholder']]);
	});

	test('Kantata OX: names, project and task dates when the assignee and story are included', async () => {
		kantata
			.api()
			.get('/api/v1/assignments/1001.json')
			.query({ include: 'assignee,story' })
			.reply(
				200,
				kantata.envelope([kantata.assignment(1001)], {
					extra: {
						users: { '3711195': { id: '3711195', full_name: 'Ann Lee' } },
						stories: {
							'26133885': {
								id: '26133885',
								title: 'Wireframes',
								workspace_id: '42',
								start_date: '2024-02-01',
								due_date: '2024-02-09',
							},
						},
					},
				}),
			);
		const result = await runNode({
			node: 'kantataOx',
			typeVersion: 1.1,
			credentials: kantata.credentials,
			parameters: {
				resource: 'assignment',
				operation: 'get',
				assignmentId: '1001',
				options: { include: ['assignee', 'story'] },
			},
		});
		expect(result.items[0].json).toMatchObject({
			assigneeName: 'Ann Lee',
			taskName: 'Wireframes',
			projectId: '42',
			startsOn: '2024-02-01',
			endsOn: '2024-02-09',
		});
	});
});

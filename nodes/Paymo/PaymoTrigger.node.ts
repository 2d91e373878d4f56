import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { Transport } from '../shared/transport/createTransport';
import { createTransport } from '../shared/transport/createTransport';
import type { Observed } from '../shared/trigger/changes';
import { eventsProperty, includeExistingOptions } from '../shared/trigger/descriptions';
import { executeView } from '../shared/trigger/executeView';
import type { ChangeFeed } from '../shared/trigger/poll';
import { pollFeed } from '../shared/trigger/poll';
import { idCondition } from './actions/assignment/fields';
import { assignmentsOf } from './envelope';
import { maxPageSize, paymoPages, paymoTransport } from './transport';
import type { Condition } from './where';
import { buildWhere } from './where';

const overlapMs = 120_000;
const maxExisting = 100;
/** Detect Removals lists the whole scope each poll: 10 pages of 100, 10 requests, ≈10 s at Paymo's pace. */
const maxTracked = 1_000;

const observe = (record: IDataObject): Observed => ({
	id: String(record.id),
	createdAt: Date.parse(String(record.created_on)),
	updatedAt: Date.parse(String(record.updated_on)),
	record,
});

const newestFirst = (a: Observed, b: Observed) => b.updatedAt - a.updatedAt;

function paymoFeed(transport: Transport, scope: Condition, detectRemovals: boolean): ChangeFeed {
	const list = async (conditions: Condition[], limit?: number) =>
		(
			await transport.requestAll(
				0,
				{ method: 'GET', path: '/userstasks', qs: { where: buildWhere([scope, ...conditions]) } },
				{ strategy: paymoPages, maxPageSize, items: assignmentsOf, limit },
			)
		).map(observe);
	return {
		// Paymo's date filters take Unix seconds; its list has no documented order, so sort here.
		changedSince: async (since) =>
			(await list([{ field: 'updated_on', operator: '>', value: Math.floor(since / 1000) }])).sort(
				(a, b) => a.updatedAt - b.updatedAt,
			),
		recent: async (limit) => (await list([])).sort(newestFirst).slice(0, limit),
		removals: detectRemovals
			? {
					everything: async (limit) => await list([], limit),
					brief: (record) => ({ id: record.id, user_id: record.user_id, task_id: record.task_id }),
					cap: maxTracked,
				}
			: undefined,
	};
}

export class PaymoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Paymo Trigger',
		name: 'paymoTrigger',
		icon: { light: 'file:../../icons/paymo.svg', dark: 'file:../../icons/paymo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Assignment: " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a Paymo task assignment is created, changed or removed',
		defaults: { name: 'Paymo Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'paymoApi', required: true }],
		properties: [
			eventsProperty(['created', 'updated', 'removed'], {
				removed: `An assignment was deleted. Seen only with the Detect Removals option, for scopes of up to ${maxTracked} assignments.`,
			}),
			{
				displayName: 'Watch By',
				name: 'watchBy',
				type: 'options',
				required: true,
				default: 'user',
				description:
					'Paymo lists task assignments only for given users or tasks, so one of the two is required',
				options: [
					{ name: 'Task', value: 'task', description: 'The users assigned to one or more tasks' },
					{ name: 'User', value: 'user', description: 'The tasks assigned to one or more users' },
				],
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 241185',
				displayOptions: { show: { watchBy: ['user'] } },
				description: 'ID of the user, or several IDs separated by commas',
			},
			{
				displayName: 'Task ID',
				name: 'taskId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 1536',
				displayOptions: { show: { watchBy: ['task'] } },
				description: 'ID of the task, or several IDs separated by commas',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Detect Removals',
						name: 'detectRemovals',
						type: 'boolean',
						default: false,
						description: `Whether to list every assignment of the scope on each poll and report those that disappeared (Paymo deletes without a trace). Costs one request per 100 assignments per poll; scopes over ${maxTracked} assignments fail.`,
					},
					...includeExistingOptions(maxExisting),
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const view = executeView(this);
		const scope =
			this.getNodeParameter('watchBy', 'user') === 'task'
				? idCondition(view, 0, this.getNodeParameter('taskId', ''), 'task_id', 'Task ID')
				: idCondition(view, 0, this.getNodeParameter('userId', ''), 'user_id', 'User ID');
		const detectRemovals = this.getNodeParameter('options.detectRemovals', false) === true;
		const feed = paymoFeed(createTransport(this, paymoTransport), scope, detectRemovals);
		return await pollFeed(this, feed, { overlapMs, maxExisting });
	}
}

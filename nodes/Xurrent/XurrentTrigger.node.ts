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
import type { ChangeFeed } from '../shared/trigger/poll';
import { pollFeed } from '../shared/trigger/poll';
import { changedAmong } from '../shared/trigger/removals';
import { inputError } from '../shared/validate';
import { assignmentsPath } from './actions/assignment/fields';
import { assignmentsOf } from './envelope';
import { maxPageSize, xurrentAuthentication, xurrentPages, xurrentTransport } from './transport';

const overlapMs = 120_000;
const maxExisting = 100;
/**
 * The assignments list has no filters, so every poll reads each watched task's assignments:
 * one request per task (per 100 assignments). The caps keep a poll within the hourly budget.
 */
const maxTasks = 25;
const maxTracked = 1_000;

const observe = (record: IDataObject): Observed => ({
	id: String(record.id),
	createdAt: Date.parse(String(record.created_at)),
	updatedAt: Date.parse(String(record.updated_at)),
	record,
});

function xurrentFeed(transport: Transport, taskIds: string[]): ChangeFeed {
	const everything = async (limit = Number.MAX_SAFE_INTEGER) => {
		const all: Observed[] = [];
		for (const taskId of taskIds) {
			if (all.length >= limit) break;
			const records = await transport.requestAll(
				0,
				{ method: 'GET', path: assignmentsPath(taskId) },
				{ strategy: xurrentPages, maxPageSize, items: assignmentsOf, limit: limit - all.length },
			);
			// Which task it belongs to: the assignment itself does not say.
			for (const record of records)
				all.push(observe({ ...record, project_task_id: Number(taskId) }));
		}
		return all;
	};
	return {
		changedSince: async (since) => changedAmong(await everything(), since),
		recent: async (limit) =>
			(await everything()).sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit),
		removals: {
			everything,
			brief: (record) => ({
				id: record.id,
				assignee: record.assignee,
				project_task_id: record.project_task_id,
			}),
			cap: maxTracked,
		},
	};
}

export class XurrentTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xurrent Trigger',
		name: 'xurrentTrigger',
		icon: { light: 'file:../../icons/xurrent.svg', dark: 'file:../../icons/xurrent.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Assignment: " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when an assignment of watched Xurrent project tasks is added, changed or removed',
		defaults: { name: 'Xurrent Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'xurrentApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'xurrentOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			xurrentAuthentication,
			eventsProperty(['created', 'updated', 'removed'], {
				removed: 'An assignment disappeared from its project task',
			}),
			{
				displayName: 'Project Task IDs',
				name: 'taskIds',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 1001, 1002',
				description: `The project tasks to watch, separated by commas (up to ${maxTasks}). Xurrent has no way to ask for changed assignments, so each poll reads every watched task's assignments: one request per task.`,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: includeExistingOptions(maxExisting),
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const raw = String(this.getNodeParameter('taskIds', '') ?? '');
		const ids = [
			...new Set(
				raw
					.split(',')
					.map((id) => id.trim())
					.filter(Boolean),
			),
		];
		const valid = (id: string) =>
			/^\d+$/.test(id) && Number.isSafeInteger(Number(id)) && Number(id) >= 1;
		if (!ids.length || !ids.every(valid) || ids.length > maxTasks) {
			throw inputError(
				this,
				0,
				`Project Task IDs must be 1 to ${maxTasks} numeric IDs separated by commas, got ${JSON.stringify(raw)}`,
				'Enter the numeric IDs of the project tasks to watch, e.g. 1001, 1002.',
			);
		}
		const feed = xurrentFeed(
			createTransport(this, xurrentTransport),
			ids.map((id) => String(Number(id))),
		);
		return await pollFeed(this, feed, { overlapMs, maxExisting });
	}
}

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
import { utcSeconds } from '../shared/trigger/changes';
import { eventsProperty, includeExistingOptions } from '../shared/trigger/descriptions';
import { executeView } from '../shared/trigger/executeView';
import type { ChangeFeed } from '../shared/trigger/poll';
import { pollFeed } from '../shared/trigger/poll';
import { readOptionalId } from '../shared/validate';
import { assignmentsOf } from './envelope';
import {
	kantataOxAuthentication,
	kantataOxTransport,
	kantataPages,
	maxPageSize,
} from './transport';

/** Changes may become visible a little after their updated_at; each poll reads this much again. */
const overlapMs = 120_000;
const maxExisting = 200;

const scopeFilters = [
	{ name: 'workspaceId', displayName: 'Workspace ID', query: 'workspace_id', what: 'project' },
	{ name: 'storyId', displayName: 'Story ID', query: 'story_id', what: 'task (story)' },
	{ name: 'assigneeId', displayName: 'Assignee ID', query: 'assignee_id', what: 'user' },
];

const observe = (record: IDataObject): Observed => ({
	id: String(record.id),
	createdAt: Date.parse(String(record.created_at)),
	updatedAt: Date.parse(String(record.updated_at)),
	// Kantata OX unassigns by setting current to false; the record stays listed.
	removed: record.current === false,
	record,
});

function kantataFeed(transport: Transport, scope: IDataObject): ChangeFeed {
	const list = async (qs: IDataObject, limit?: number) =>
		(
			await transport.requestAll(
				0,
				{ method: 'GET', path: '/assignments', qs: { ...scope, ...qs } },
				{ strategy: kantataPages, maxPageSize, items: assignmentsOf, limit },
			)
		).map(observe);
	return {
		// Oldest change first: a record changed while paging moves to the end, not into a gap.
		changedSince: async (since) =>
			await list({ updated_after: utcSeconds(since), order: 'updated_at:asc' }),
		recent: async (limit, activeOnly) =>
			await list({ order: 'updated_at:desc', ...(activeOnly ? { current: true } : {}) }, limit),
	};
}

export class KantataOxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kantata OX Trigger',
		name: 'kantataOxTrigger',
		icon: { light: 'file:../../icons/kantataOx.svg', dark: 'file:../../icons/kantataOx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Assignment: " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a Kantata OX assignment is created, changed or unassigned',
		defaults: { name: 'Kantata OX Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'kantataOxApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'kantataOxOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			kantataOxAuthentication,
			eventsProperty(['created', 'updated', 'removed'], {
				removed: 'An assignment was unassigned (Kantata OX sets its "current" to false)',
			}),
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: scopeFilters.map((filter) => ({
					displayName: filter.displayName,
					name: filter.name,
					type: 'string' as const,
					default: '',
					description: `Only assignments of this ${filter.what}`,
				})),
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
		const view = executeView(this);
		const scope: IDataObject = {};
		for (const filter of scopeFilters) {
			const id = readOptionalId(
				view,
				0,
				`filters.${filter.name}`,
				`Filter "${filter.displayName}"`,
			);
			if (id) scope[filter.query] = id;
		}
		const feed = kantataFeed(createTransport(this, kantataOxTransport), scope);
		return await pollFeed(this, feed, { overlapMs, maxExisting });
	}
}

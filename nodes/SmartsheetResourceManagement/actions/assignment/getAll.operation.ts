import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readLimit } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { maxPageSize, smartsheetRmPages } from '../../transport';
import { checkDateOrder, readDate, scopeIdFields, scopePrefix } from './fields';

const onProject = { show: { scope: ['project'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'all',
		description: 'Whose assignments to get',
		options: [
			{ name: 'All', value: 'all', description: 'Every assignment in the account' },
			{
				name: 'Placeholder',
				value: 'placeholder',
				description: 'The assignments of one placeholder',
			},
			{ name: 'Project', value: 'project', description: 'The assignments of one project' },
			{ name: 'User', value: 'user', description: 'The assignments of one user' },
		],
	},
	...scopeIdFields(['user', 'project', 'placeholder']),
	{
		displayName: 'Include Phases',
		name: 'withPhases',
		type: 'boolean',
		default: false,
		displayOptions: onProject,
		description:
			'Whether to include the assignments to the project’s phases. Without it only assignments to the project itself are returned.',
	},
	{
		displayName: 'Include Subtask Counts',
		name: 'subtaskCounts',
		type: 'boolean',
		default: false,
		displayOptions: onProject,
		description:
			'Whether to add the completed and total subtasks of each assignment, as "subtask_counts"',
	},
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description:
					'Only assignments that end after this date. It filters by overlap: an assignment that started earlier but is still running is included. Only the date part is used.',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description:
					'Only assignments that start before this date. It filters by overlap: an assignment that ends later is included. Only the date part is used.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject[]> {
	const prefix = scopePrefix(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.from) qs.from = readDate(this, itemIndex, filters.from, 'Filter "From"');
	if (filters.to) qs.to = readDate(this, itemIndex, filters.to, 'Filter "To"');
	checkDateOrder(
		this,
		itemIndex,
		{ label: 'Filter "From"', value: qs.from as string | undefined },
		{ label: 'Filter "To"', value: qs.to as string | undefined },
	);
	if (this.getNodeParameter('scope', itemIndex) === 'project') {
		if (this.getNodeParameter('withPhases', itemIndex, false)) qs.with_phases = true;
		// The request spells it "subtasks_counts"; the response key is "subtask_counts".
		if (this.getNodeParameter('subtaskCounts', itemIndex, false)) qs.fields = 'subtasks_counts';
	}
	return await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: `${prefix}/assignments`, qs },
		{ strategy: smartsheetRmPages, maxPageSize, items: assignmentsOf, limit },
	);
}

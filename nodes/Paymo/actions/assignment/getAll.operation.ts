import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { referenceLocator } from '../../../shared/lookup/locator';
import { locatorParts, parseReference, resolveReference } from '../../../shared/lookup/reference';
import type { Transport } from '../../../shared/transport/createTransport';
import type { RangeEnd } from '../../../shared/validate';
import { checkRangeOrder, inputError, readLimit } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { references, usersByEmail } from '../../methods/references';
import { maxPageSize, paymoPages } from '../../transport';
import type { Condition } from '../../where';
import { buildWhere } from '../../where';
import { idCondition as idsCondition, includeOption, includeQuery, unixSeconds } from './fields';

const dateFilter = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description: `${description}. A time without an offset is in the workflow's time zone.`,
});

const properties: INodeProperties[] = [
	{
		displayName: 'Filter By',
		name: 'filterBy',
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
		...referenceLocator({
			...references.user,
			several: true,
			required: true,
			description: 'The user, or several user IDs separated by commas (By ID)',
		}),
		displayOptions: { show: { filterBy: ['user'] } },
	},
	{
		...referenceLocator({
			...references.task,
			several: true,
			required: true,
			description: 'The task, or several task IDs separated by commas (By ID)',
		}),
		displayOptions: { show: { filterBy: ['task'] } },
	},
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			dateFilter('Created Before', 'createdBefore', 'Only assignments created before this time'),
			dateFilter('Created Since', 'createdSince', 'Only assignments created at or after this time'),
			{
				displayName: 'Task Complete',
				name: 'taskComplete',
				type: 'boolean',
				default: false,
				description:
					'Whether to return only assignments of completed tasks (true) or of open tasks (false). Paymo accepts this filter but does not document it.',
			},
			{
				...referenceLocator({
					...references.task,
					several: true,
					description: 'Only assignments of this task, or of several (IDs separated by commas)',
				}),
				displayOptions: { show: { '/filterBy': ['user'] } },
			},
			dateFilter('Updated Before', 'updatedBefore', 'Only assignments updated before this time'),
			dateFilter('Updated Since', 'updatedSince', 'Only assignments updated at or after this time'),
			{
				...referenceLocator({
					...references.user,
					several: true,
					description: 'Only assignments of this user, or of several (IDs separated by commas)',
				}),
				displayOptions: { show: { '/filterBy': ['task'] } },
			},
		],
	},
	optionsCollection([includeOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['getAll'] } },
	properties,
);

const dateFilters: Record<
	string,
	{ field: string; operator: Condition['operator']; label: string }
> = {
	createdSince: { field: 'created_on', operator: '>=', label: 'Filter "Created Since"' },
	createdBefore: { field: 'created_on', operator: '<', label: 'Filter "Created Before"' },
	updatedSince: { field: 'updated_on', operator: '>=', label: 'Filter "Updated Since"' },
	updatedBefore: { field: 'updated_on', operator: '<', label: 'Filter "Updated Before"' },
};

/** Since/before pairs: a "before" earlier than its "since" can match nothing. */
const dateRanges = [
	['createdSince', 'createdBefore'],
	['updatedSince', 'updatedBefore'],
];

function readBoolean(ctx: IExecuteFunctions, itemIndex: number, value: unknown): boolean {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw inputError(
		ctx,
		itemIndex,
		`Filter "Task Complete" must be true or false, got ${JSON.stringify(value)}`,
		'Set the filter to true (completed tasks) or false (open tasks).',
	);
}

/** The required user or task condition first, then the added filters in a fixed order. */
function conditions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	emails: Array<{ email: string; field: string; label: string }>,
): Condition[] {
	const filterBy = ctx.getNodeParameter('filterBy', itemIndex) as string;
	const id = (name: string) => ctx.getNodeParameter(name, itemIndex, '');
	// A user given by email is looked up after every other value has been checked.
	const idCondition = (value: unknown, field: string, label: string): Condition => {
		const { mode } = locatorParts(value);
		if (mode === 'email') {
			const reference = parseReference(ctx, itemIndex, value, {
				...references.user,
				displayName: label,
			});
			if (reference && 'email' in reference) {
				emails.push({ email: reference.email, field, label });
				return { field, operator: '=', value: 0 };
			}
		}
		return idsCondition(ctx, itemIndex, locatorParts(value).value, field, label);
	};
	const list = [
		filterBy === 'task'
			? idCondition(id('taskId'), 'task_id', 'Task ID')
			: idCondition(id('userId'), 'user_id', 'User ID'),
	];
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const given = (name: string) => {
		const value = locatorParts(filters[name]).value;
		return value !== undefined && value !== null && value !== '';
	};
	if (given('userId')) {
		list.push(idCondition(filters.userId, 'user_id', 'Filter "User ID"'));
	}
	if (given('taskId')) {
		list.push(idCondition(filters.taskId, 'task_id', 'Filter "Task ID"'));
	}
	const ends: Record<string, RangeEnd> = {};
	for (const [name, date] of Object.entries(dateFilters)) {
		if (!given(name)) continue;
		const seconds = unixSeconds(ctx, itemIndex, filters[name], date.label);
		ends[name] = { label: date.label, text: String(filters[name]), time: seconds };
		list.push({ field: date.field, operator: date.operator, value: seconds });
	}
	for (const [since, before] of dateRanges)
		checkRangeOrder(ctx, itemIndex, ends[since], ends[before]);
	if (given('taskComplete')) {
		const value = readBoolean(ctx, itemIndex, filters.taskComplete);
		list.push({ field: 'task_complete', operator: '=', value });
	}
	return list;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const emails: Array<{ email: string; field: string; label: string }> = [];
	const list = conditions(this, itemIndex, emails);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	for (const { email, field, label } of emails) {
		const userId = await resolveReference(
			this,
			itemIndex,
			{ email },
			label,
			usersByEmail(transport, itemIndex),
		);
		const condition = list.find((entry) => entry.field === field && entry.value === 0);
		if (condition) condition.value = Number(userId);
	}
	const where = buildWhere(list);
	return await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: '/userstasks', qs: { where, ...includeQuery(options.include) } },
		{ strategy: paymoPages, maxPageSize, items: assignmentsOf, limit },
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import type { ReferenceSpec } from '../../../shared/lookup/locator';
import { referenceLocator } from '../../../shared/lookup/locator';
import type { Reference } from '../../../shared/lookup/reference';
import { parseReference, resolveReference } from '../../../shared/lookup/reference';
import type { Transport } from '../../../shared/transport/createTransport';
import type { RangeEnd } from '../../../shared/validate';
import { checkDate, checkRangeOrder, inputError, readLimit } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { references, usersByEmail } from '../../methods/references';
import { kantataPages, maxPageSize } from '../../transport';
import { includeOption, includeQuery } from './fields';

const idFilter = (spec: ReferenceSpec, description: string): INodeProperties =>
	referenceLocator({ ...spec, description });

const textFilter = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			idFilter(references.assignee, 'Only assignments of this user'),
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only assignments created after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only assignments created before this time',
			},
			textFilter(
				'External Reference External Message',
				'externalReferenceExternalMessage',
				'Only assignments whose external reference has exactly this external message',
			),
			textFilter(
				'External Reference External Status',
				'externalReferenceExternalStatus',
				'Only assignments whose external record has this status',
			),
			textFilter(
				'External Reference Service Model',
				'externalReferenceServiceModel',
				'Only assignments whose external record is of this type',
			),
			textFilter(
				'External Reference Service Model Ref',
				'externalReferenceServiceModelRef',
				'Only assignments linked to this external record ID',
			),
			textFilter(
				'External Reference Service Model Refs',
				'externalReferenceServiceModelRefs',
				'Only assignments linked to these external record IDs (comma-separated, up to 200)',
			),
			textFilter(
				'External Reference Service Name',
				'externalReferenceServiceName',
				'Only assignments with an external reference from this service',
			),
			textFilter(
				'External Reference Status',
				'externalReferenceStatus',
				'Only assignments whose integration status is this, e.g. successful or fail',
			),
			{
				displayName: 'Has External References',
				name: 'hasExternalReferences',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only assignments that have external references (true) or only those without (false)',
			},
			{
				displayName: 'In Unarchived Stories',
				name: 'inUnarchivedStories',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only assignments of unarchived tasks. Kantata OX applies true when this filter is not added; add it as false to include archived tasks.',
			},
			{
				displayName: 'In Unarchived Workspaces',
				name: 'inUnarchivedWorkspaces',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only assignments in unarchived projects. Kantata OX applies true when this filter is not added; add it as false to include archived projects.',
			},
			{
				displayName: 'Include Unnamed',
				name: 'includeUnnamed',
				type: 'boolean',
				default: false,
				description: 'Whether to include assignments to unnamed resources (placeholders)',
			},
			textFilter(
				'Only IDs',
				'only',
				'Return only these assignment IDs (comma-separated), e.g. 5,6,7',
			),
			{
				displayName: 'Plannable',
				name: 'plannable',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only assignments the user can view and plan daily scheduled hours for',
			},
			idFilter(references.resource, 'Only assignments of this project resource'),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'current',
				description:
					'Kantata OX unassigns instead of deleting, so inactive assignments stay listed unless filtered out',
				options: [
					{ name: 'Active (Current)', value: 'current' },
					{ name: 'Inactive (Unassigned)', value: 'uncurrent' },
				],
			},
			idFilter(references.story, 'Only assignments of this task'),
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only assignments updated after this time',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only assignments updated before this time',
			},
			textFilter(
				'Without External Reference Service Name',
				'withoutExternalReferenceServiceName',
				'Only assignments without an external reference from this service',
			),
			idFilter(references.workspace, 'Only assignments in this project'),
		],
	},
	optionsCollection([
		includeOption,
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			default: 'created_at:asc',
			description:
				'Sort order. Oldest first is the default because new assignments then land on the last page, so records created while the node pages through the list cannot shift pages into duplicates or gaps.',
			options: [
				{ name: 'Created At, Oldest First', value: 'created_at:asc' },
				{ name: 'Created At, Newest First', value: 'created_at:desc' },
				{ name: 'Updated At, Oldest First', value: 'updated_at:asc' },
				{ name: 'Updated At, Newest First', value: 'updated_at:desc' },
			],
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['getAll'] } },
	properties,
);

const idFilters: Record<string, { key: string; spec: ReferenceSpec }> = {
	assigneeId: { key: 'assignee_id', spec: references.assignee },
	resourceId: { key: 'resource_id', spec: references.resource },
	storyId: { key: 'story_id', spec: references.story },
	workspaceId: { key: 'workspace_id', spec: references.workspace },
};

const dateFilters: Record<string, string> = {
	createdAfter: 'created_after',
	createdBefore: 'created_before',
	updatedAfter: 'updated_after',
	updatedBefore: 'updated_before',
};

const camelToSnake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const filterLabels = Object.fromEntries(
	(
		(properties.find((property) => property.name === 'filters')?.options ?? []) as INodeProperties[]
	).map((option) => [option.name, `Filter "${option.displayName}"`]),
);

/** A positive whole number the API can hold: no 0, no digits beyond a safe integer. */
const isId = (text: string) =>
	/^\d+$/.test(text) && Number(text) >= 1 && Number.isSafeInteger(Number(text));

/** After/before pairs: a "before" earlier than its "after" can match nothing. */
const dateRanges = [
	['createdAfter', 'createdBefore'],
	['updatedAfter', 'updatedBefore'],
];

/**
 * Refuses a reversed date range. Values were checked by checkDate; both ends of a pair are read
 * the same way, so two values without an offset compare as the user wrote them.
 */
function checkDateRanges(ctx: IExecuteFunctions, itemIndex: number, qs: IDataObject) {
	const end = (name: string): RangeEnd | undefined => {
		const text = qs[dateFilters[name]] as string | undefined;
		if (!text) return undefined;
		return { label: filterLabels[name], text, time: Date.parse(text.replace(' ', 'T')) };
	};
	for (const [after, before] of dateRanges)
		checkRangeOrder(ctx, itemIndex, end(after), end(before));
}

/** Maps the Filters collection to the API's query, checking each value. */
function filterQuery(ctx: IExecuteFunctions, itemIndex: number, filters: IDataObject) {
	const qs: IDataObject = {};
	// Read (and checked) here; an assignee given by email is looked up once all is valid.
	const references_: Record<string, Reference> = {};
	for (const [name, value] of Object.entries(filters)) {
		if (value === '' || value === undefined) continue;
		const label = filterLabels[name] ?? `Filter "${name}"`;
		if (idFilters[name]) {
			const { key, spec } = idFilters[name];
			const reference = parseReference(ctx, itemIndex, value, { ...spec, displayName: label });
			if (reference) references_[key] = reference;
		} else if (dateFilters[name]) {
			qs[dateFilters[name]] = checkDate(ctx, itemIndex, value, label);
		} else if (name === 'status') {
			qs[String(value)] = true;
		} else if (name === 'only') {
			const ids = String(value)
				.split(',')
				.map((id) => id.trim())
				.filter(Boolean);
			if (!ids.length || ids.some((id) => !isId(id))) {
				throw inputError(
					ctx,
					itemIndex,
					`${label} must be a comma-separated list of numeric IDs, got "${String(value)}"`,
					'Enter IDs like 5,6,7.',
				);
			}
			qs.only = ids.join(',');
		} else {
			qs[camelToSnake(name)] = value;
		}
	}
	checkDateRanges(ctx, itemIndex, qs);
	return { qs, references: references_ };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const filtered = filterQuery(this, itemIndex, filters);
	const qs: IDataObject = { ...filtered.qs, order: (options.order as string) ?? 'created_at:asc' };
	Object.assign(
		qs,
		includeQuery(this, itemIndex, options.include as string[], qs.plannable as boolean | undefined),
	);
	for (const [key, reference] of Object.entries(filtered.references)) {
		qs[key] = await resolveReference(
			this,
			itemIndex,
			reference,
			filterLabels.assigneeId,
			usersByEmail(transport, itemIndex),
		);
	}
	return await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: '/assignments', qs },
		{ strategy: kantataPages, maxPageSize, items: assignmentsOf, limit },
	);
}

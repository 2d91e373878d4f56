import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference, resolveReference } from '../../../shared/lookup/reference';
import type { Transport } from '../../../shared/transport/createTransport';
import { checkWholeNumber, inputError } from '../../../shared/validate';
import { references, usersByEmail } from '../../methods/references';

export const includeOption: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	default: [],
	description: 'Related records to fetch and put into each assignment',
	options: [
		{ name: 'Assignee', value: 'assignee', description: 'The assigned user, as "assignee"' },
		{
			name: 'External References',
			value: 'external_references',
			description: 'Integration references, as "external_references"',
		},
		{ name: 'Story', value: 'story', description: 'The task, as "story"' },
		{
			name: 'Story Allocation Days',
			value: 'story_allocation_days',
			description:
				'Daily scheduled hours, as "story_allocation_days". Kantata OX allows this only for plannable assignments, so the node also sends plannable=true.',
		},
	],
};

/** The `include` query value, plus `plannable=true` that allocation days require. */
export function includeQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	include: string[] | undefined,
	plannable: boolean | undefined,
): IDataObject {
	if (!include?.length) return {};
	const qs: IDataObject = { include: include.join(',') };
	if (include.includes('story_allocation_days')) {
		if (plannable === false) {
			throw inputError(
				ctx,
				itemIndex,
				'Include "Story Allocation Days" needs the Plannable filter set to true',
				'Remove the Plannable filter (the node then sends plannable=true) or stop including Story Allocation Days.',
			);
		}
		qs.plannable = true;
	}
	return qs;
}

export const externalReferenceField: INodeProperties = {
	displayName: 'External Reference',
	name: 'externalReference',
	type: 'fixedCollection',
	default: {},
	description: 'Link the assignment to a record in another system',
	options: [
		{
			displayName: 'Reference',
			name: 'reference',
			values: [
				{
					displayName: 'External Link',
					name: 'externalLink',
					type: 'string',
					default: '',
					description: 'URL of the external record',
				},
				{
					displayName: 'External Message',
					name: 'externalMessage',
					type: 'string',
					default: '',
				},
				{
					displayName: 'External Status',
					name: 'externalStatus',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Locked',
					name: 'locked',
					type: 'boolean',
					default: false,
					description: 'Whether the reference is locked against changes in Kantata OX',
				},
				{
					displayName: 'Service Model',
					name: 'serviceModel',
					type: 'string',
					default: '',
					required: true,
					description: 'Type of the external record, e.g. Task',
				},
				{
					displayName: 'Service Model Ref',
					name: 'serviceModelRef',
					type: 'string',
					default: '',
					required: true,
					description: 'ID of the external record',
				},
				{
					displayName: 'Service Name',
					name: 'serviceName',
					type: 'string',
					default: '',
					required: true,
					description: 'Name of the integrating service, unique per assignment, e.g. n8n',
				},
			],
		},
	],
};

const referenceKeys: Record<string, string> = {
	serviceName: 'service_name',
	serviceModel: 'service_model',
	serviceModelRef: 'service_model_ref',
	externalLink: 'external_link',
	externalMessage: 'external_message',
	externalStatus: 'external_status',
	locked: 'locked',
};

export const writableFields = (purpose: string): INodeProperties[] => [
	referenceLocator({
		...references.assignee,
		description: `The user ${purpose}. Set this or Resource ID, not both.`,
	}),
	referenceLocator({
		...references.resource,
		description: `The project resource (named or unnamed) ${purpose}. Set this or Assignee ID, not both.`,
	}),
];

/**
 * The snake_case assignment body from the camelCase fields the user set; checks every value
 * first, then looks up an assignee given by email (the only request before the main one).
 */
export async function assignmentBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	prefix: string,
	transport: Transport,
): Promise<IDataObject> {
	const body: IDataObject = {};
	const read = (name: string) => ctx.getNodeParameter(`${prefix}${name}`, itemIndex, '') as unknown;
	const assignee = parseReference(ctx, itemIndex, read('assigneeId'), references.assignee);
	const resource = parseReference(ctx, itemIndex, read('resourceId'), references.resource);
	if (assignee && resource) {
		throw inputError(
			ctx,
			itemIndex,
			'Set either Assignee ID or Resource ID, not both',
			'An assignment belongs to a user or to a project resource. Kantata OX would silently use the resource, so clear one of the two.',
		);
	}
	if (resource && 'id' in resource) body.resource_id = Number(resource.id);
	if (fields.current !== undefined) body.current = fields.current;
	if (fields.estimatedMinutes !== undefined) {
		body.estimated_minutes = checkWholeNumber(
			ctx,
			itemIndex,
			fields.estimatedMinutes,
			'Estimated Minutes',
			0,
		);
	}
	const reference = (fields.externalReference as IDataObject | undefined)?.reference as
		| IDataObject
		| undefined;
	if (reference) {
		const external: IDataObject = {};
		for (const [name, key] of Object.entries(referenceKeys)) {
			const value = reference[name];
			if (value !== undefined && value !== '') external[key] = value;
		}
		for (const required of ['serviceName', 'serviceModel', 'serviceModelRef']) {
			if (!external[referenceKeys[required]]) {
				throw inputError(
					ctx,
					itemIndex,
					`External Reference needs ${required.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase())}`,
					'Fill in Service Name, Service Model and Service Model Ref, or remove the external reference.',
				);
			}
		}
		body.external_reference = external;
	}
	const assigneeId = await resolveReference(
		ctx,
		itemIndex,
		assignee,
		'Assignee ID',
		usersByEmail(transport, itemIndex),
	);
	if (assigneeId) body.assignee_id = Number(assigneeId);
	return body;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
import { inputError, readOptionalId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { references } from '../../methods/references';
import { pairFields } from './pair';
import {
	allocationBody,
	allocationFields,
	checkDateOrder,
	readDate,
	readReference,
	scopeRoute,
	statusOptionIdField,
	textFields,
} from './fields';

const properties: INodeProperties[] = [
	// Assign To (placeholders have documented routes of their own), the assignable and the dates:
	// the same fields as Assign (If Not Assigned).
	...pairFields('to assign the user to'),
	...allocationFields(false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...textFields,
			statusOptionIdField,
			{
				displayName: 'Subtasks',
				name: 'subtasks',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description:
					'Subtasks to create with the assignment. The node then creates it through POST /assignments, the route that takes subtasks.',
				options: [
					{
						displayName: 'Subtask',
						name: 'subtask',
						values: [
							{
								displayName: 'Completed',
								name: 'completed',
								type: 'boolean',
								default: false,
								description: 'Whether the subtask is already done',
							},
							{
								displayName: 'Description',
								name: 'description',
								type: 'string',
								required: true,
								default: '',
								description: 'What the subtask is',
							},
						],
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['create'] } },
	properties,
);

function subtasksOf(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject) {
	const list = ((fields.subtasks as IDataObject | undefined)?.subtask ?? []) as IDataObject[];
	return list.map((subtask, index) => {
		const text = typeof subtask.description === 'string' ? subtask.description.trim() : '';
		if (!text) {
			throw inputError(
				ctx,
				itemIndex,
				`Subtask ${index + 1} has no description`,
				'Give every subtask a description, or remove the empty subtask.',
			);
		}
		return { description: text, completed: subtask.completed === true };
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const assignee = scopeRoute(this, itemIndex, 'assignTo');
	const assignableId = readReference(this, itemIndex, 'assignableId', references.assignable);
	const start = readDate(
		this,
		itemIndex,
		this.getNodeParameter('startsAt', itemIndex),
		'Start Date',
	);
	const end = readDate(this, itemIndex, this.getNodeParameter('endsAt', itemIndex), 'End Date');
	checkDateOrder(
		this,
		itemIndex,
		{ label: 'Start Date', value: start },
		{ label: 'End Date', value: end },
	);
	const body: IDataObject = {
		assignable_id: Number(assignableId),
		starts_at: start,
		ends_at: end,
		...allocationBody(this, itemIndex),
	};
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const statusOptionId = readOptionalId(
		this,
		itemIndex,
		'additionalFields.statusOptionId',
		'Status Option ID',
	);
	if (statusOptionId) body.status_option_id = Number(statusOptionId);
	for (const key of ['description', 'note'] as const) {
		if (typeof fields[key] === 'string' && fields[key] !== '') body[key] = fields[key];
	}
	const subtasks = subtasksOf(this, itemIndex, fields);
	// Only the unscoped route takes subtasks; a placeholder's ID is documented to work as user_id.
	const response = subtasks.length
		? await transport.request(itemIndex, {
				method: 'POST',
				path: '/assignments',
				body: { user_id: Number(assignee.id), ...body, subtasks },
			})
		: await transport.request(itemIndex, {
				method: 'POST',
				path: `${assignee.prefix}/assignments`,
				body,
			});
	return singleAssignment(this, itemIndex, response.body, undefined);
}

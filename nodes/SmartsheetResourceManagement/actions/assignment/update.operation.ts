import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { inputError, readId, readOptionalId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import {
	allocationBody,
	allocationFields,
	checkDateOrder,
	readDate,
	statusOptionIdField,
	textFields,
} from './fields';

const properties: INodeProperties[] = [
	assignmentIdField('ID of the assignment to update'),
	...allocationFields(true),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...textFields.map((field) => ({
				...field,
				description: `${field.description}. Leave empty to clear it.`,
			})),
			{
				displayName: 'End Date',
				name: 'endsAt',
				type: 'dateTime',
				default: '',
				description: 'New last day of the assignment (only the date part is used)',
			},
			{
				displayName: 'Start Date',
				name: 'startsAt',
				type: 'dateTime',
				default: '',
				description: 'New first day of the assignment (only the date part is used)',
			},
			statusOptionIdField,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'assignmentId', 'Assignment ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.startsAt) body.starts_at = readDate(this, itemIndex, fields.startsAt, 'Start Date');
	if (fields.endsAt) body.ends_at = readDate(this, itemIndex, fields.endsAt, 'End Date');
	checkDateOrder(
		this,
		itemIndex,
		{ label: 'Start Date', value: body.starts_at as string | undefined },
		{ label: 'End Date', value: body.ends_at as string | undefined },
	);
	Object.assign(body, allocationBody(this, itemIndex));
	const statusOptionId = readOptionalId(
		this,
		itemIndex,
		'updateFields.statusOptionId',
		'Status Option ID',
	);
	if (statusOptionId) body.status_option_id = Number(statusOptionId);
	for (const key of ['description', 'note'] as const) {
		if (typeof fields[key] === 'string') body[key] = fields[key];
	}
	if (Object.keys(body).length === 0) {
		throw inputError(
			this,
			itemIndex,
			'Nothing to update: Update Fields is empty and Allocation Mode is "Keep Unchanged"',
			'Choose an Allocation Mode or add at least one field under Update Fields.',
		);
	}
	const response = await transport.request(itemIndex, {
		method: 'PUT',
		path: `/assignments/${id}`,
		body,
	});
	return singleAssignment(this, itemIndex, response.body, id);
}

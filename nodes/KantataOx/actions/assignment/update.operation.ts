import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { inputError, readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import {
	assignmentBody,
	externalReferenceField,
	includeOption,
	includeQuery,
	writableFields,
} from './fields';

const properties: INodeProperties[] = [
	assignmentIdField('ID of the assignment to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...writableFields('to move the assignment to'),
			{
				displayName: 'Current',
				name: 'current',
				type: 'boolean',
				default: true,
				description:
					'Whether the assignment is active. Set to false to unassign, true to assign again.',
			},
			{
				displayName: 'Estimated Minutes',
				name: 'estimatedMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Minutes the assignee is estimated to work on the task',
			},
			externalReferenceField,
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeOption],
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
	const assignment = await assignmentBody(this, itemIndex, fields, 'updateFields.', transport);
	if (Object.keys(assignment).length === 0) {
		throw inputError(
			this,
			itemIndex,
			'Update Fields is empty',
			'Add at least one field to change under Update Fields (the task of an assignment cannot be changed).',
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await transport.request(itemIndex, {
		method: 'PUT',
		path: `/assignments/${id}`,
		qs: includeQuery(this, itemIndex, options.include as string[], undefined),
		body: { assignment },
	});
	return singleAssignment(this, itemIndex, response.body, id);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { inputError, readId } from '../../../shared/validate';
import { assignmentBody, writableFields } from './fields';
import { stateFields, writeAssignment, writeOptions } from './write';

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
			...stateFields(
				'Whether the assignment is active. Set to false to unassign, true to assign again.',
			),
		],
	},
	writeOptions,
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
	return await writeAssignment(this, itemIndex, transport, {
		method: 'PUT',
		path: `/assignments/${id}`,
		body: { assignment },
		id,
	});
}

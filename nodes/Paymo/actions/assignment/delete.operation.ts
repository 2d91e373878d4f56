import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';

const properties: INodeProperties[] = [
	assignmentIdField('ID of the task assignment to delete. The user is then no longer on the task.'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'assignmentId', 'Assignment ID');
	await transport.request(itemIndex, { method: 'DELETE', path: `/userstasks/${id}` });
	return { deleted: true, id: Number(id) };
}

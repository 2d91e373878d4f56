import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { assignmentPath, readTaskId, taskIdField } from './fields';

const properties: INodeProperties[] = [
	taskIdField,
	assignmentIdField(
		'ID of the one assignment to remove. Must be a number: a blank ID is refused, never sent, because Xurrent would read it as "remove all assignments".',
	),
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
	const taskId = readTaskId(this, itemIndex);
	// readId lets only digits through; an empty ID would turn this into the delete-all URL.
	const id = readId(this, itemIndex, 'assignmentId', 'Assignment ID');
	await transport.request(itemIndex, { method: 'DELETE', path: assignmentPath(taskId, id) });
	return { deleted: true, id: Number(id) };
}

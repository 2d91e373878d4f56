import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId, readOptionalId } from '../../../shared/validate';

const properties: INodeProperties[] = [
	assignmentIdField(
		'ID of the assignment to delete. Smartsheet Resource Management deletes it for good.',
	),
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 30256',
		description:
			'ID of the user or placeholder the assignment belongs to. When set, the node uses the documented route for that user; when empty, the route by assignment ID alone.',
	},
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
	const userId = readOptionalId(this, itemIndex, 'userId', 'User ID');
	// The API answers 200 with an empty body: there is nothing to read from it.
	await transport.request(itemIndex, {
		method: 'DELETE',
		path: userId ? `/users/${userId}/assignments/${id}` : `/assignments/${id}`,
	});
	return { deleted: true, id: Number(id) };
}

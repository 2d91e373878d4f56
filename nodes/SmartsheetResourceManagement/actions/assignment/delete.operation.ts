import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { referenceLocator } from '../../../shared/lookup/locator';
import { readId } from '../../../shared/validate';
import { references } from '../../methods/references';
import { readReference } from './fields';

const properties: INodeProperties[] = [
	assignmentIdField(
		'ID of the assignment to delete. Smartsheet Resource Management deletes it for good.',
	),
	referenceLocator({
		...references.user,
		description:
			'The user or placeholder the assignment belongs to. When set, the node uses the documented route for that user; when empty, the route by assignment ID alone.',
	}),
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
	const userId = readReference(this, itemIndex, 'userId', references.user, true);
	// The API answers 200 with an empty body: there is nothing to read from it.
	await transport.request(itemIndex, {
		method: 'DELETE',
		path: userId ? `/users/${userId}/assignments/${id}` : `/assignments/${id}`,
	});
	return { deleted: true, id: Number(id) };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { scopeIdFields, scopePrefix } from './fields';

const properties: INodeProperties[] = [
	assignmentIdField(
		'ID of the assignment to delete. Smartsheet Resource Management deletes it for good.',
	),
	{
		// The API documents deleting only through the owner (user, placeholder) or the project;
		// DELETE /assignments/{id} is not documented, so there is no unscoped choice.
		displayName: 'Delete Through',
		name: 'scope',
		type: 'options',
		default: 'user',
		description: 'The documented route to delete by: the assignment’s user, placeholder or project',
		options: [
			{ name: 'Placeholder', value: 'placeholder', description: 'The placeholder it assigns' },
			{ name: 'Project', value: 'project', description: 'The project it belongs to' },
			{ name: 'User', value: 'user', description: 'The user it assigns' },
		],
	},
	...scopeIdFields(['user', 'project', 'placeholder']),
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
	const prefix = scopePrefix(this, itemIndex, false);
	// The API answers 200 with an empty body: there is nothing to read from it.
	await transport.request(itemIndex, { method: 'DELETE', path: `${prefix}/assignments/${id}` });
	return { deleted: true, id: Number(id) };
}

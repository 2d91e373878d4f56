import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { scopeIdFields, scopePrefix } from './fields';

const properties: INodeProperties[] = [
	assignmentIdField('ID of the assignment to get'),
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'none',
		description:
			'Read the assignment through a user or project: it is then found only if it belongs to them',
		options: [
			{ name: 'No Scope', value: 'none', description: 'Find the assignment by its ID alone' },
			{ name: 'Project', value: 'project', description: 'Only if it belongs to this project' },
			{
				name: 'User',
				value: 'user',
				description: 'Only if it belongs to this user (for a placeholder’s, use No Scope)',
			},
		],
	},
	...scopeIdFields(['user', 'project']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'assignmentId', 'Assignment ID');
	const prefix = scopePrefix(this, itemIndex);
	const response = await transport.request(itemIndex, {
		method: 'GET',
		path: `${prefix}/assignments/${id}`,
	});
	return singleAssignment(this, itemIndex, response.body, id);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference } from '../../../shared/lookup/reference';
import { inputError, readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { references, resolveUserAndTask } from '../../methods/references';

const properties: INodeProperties[] = [
	assignmentIdField('ID of the task assignment to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			referenceLocator({ ...references.task, description: 'The task to move the assignment to' }),
			referenceLocator({ ...references.user, description: 'The user to give the assignment to' }),
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
	const read = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;
	const user = parseReference(this, itemIndex, read('updateFields.userId'), references.user);
	const task = parseReference(this, itemIndex, read('updateFields.taskId'), references.task);
	if (user === undefined && task === undefined) {
		throw inputError(
			this,
			itemIndex,
			'Update Fields is empty',
			'Add User ID, Task ID or both under Update Fields: they are all an assignment has to change.',
		);
	}
	const { userId, taskId } = await resolveUserAndTask(this, itemIndex, transport, user, task);
	const body: IDataObject = {};
	if (userId !== undefined) body.user_id = Number(userId);
	if (taskId !== undefined) body.task_id = Number(taskId);
	// PUT rather than the also accepted POST: repeating it after a lost answer changes nothing.
	const response = await transport.request(itemIndex, {
		method: 'PUT',
		path: `/userstasks/${id}`,
		body,
	});
	return singleAssignment(this, itemIndex, response.body, id);
}

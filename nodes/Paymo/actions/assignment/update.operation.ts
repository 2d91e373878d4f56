import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { inputError, readId, readOptionalId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';

const properties: INodeProperties[] = [
	assignmentIdField('ID of the task assignment to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Task ID',
				name: 'taskId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4059',
				description: 'ID of the task to move the assignment to',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 241185',
				description: 'ID of the user to give the assignment to',
			},
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
	const userId = readOptionalId(this, itemIndex, 'updateFields.userId', 'User ID');
	const taskId = readOptionalId(this, itemIndex, 'updateFields.taskId', 'Task ID');
	if (userId === undefined && taskId === undefined) {
		throw inputError(
			this,
			itemIndex,
			'Update Fields is empty',
			'Add User ID, Task ID or both under Update Fields: they are all an assignment has to change.',
		);
	}
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

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';

const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 241184',
		description: 'ID of the user to assign to the task',
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 48591',
		description: 'ID of the task to assign the user to',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const userId = readId(this, itemIndex, 'userId', 'User ID');
	const taskId = readId(this, itemIndex, 'taskId', 'Task ID');
	const response = await transport.request(itemIndex, {
		method: 'POST',
		path: '/userstasks',
		body: { user_id: Number(userId), task_id: Number(taskId) },
	});
	return singleAssignment(this, itemIndex, response.body, undefined);
}

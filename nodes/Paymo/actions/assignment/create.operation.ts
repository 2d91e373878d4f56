import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference } from '../../../shared/lookup/reference';
import { inputError } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { references, resolveUserAndTask } from '../../methods/references';

const properties: INodeProperties[] = [
	referenceLocator({
		...references.user,
		required: true,
		description: 'The user to assign to the task',
	}),
	referenceLocator({
		...references.task,
		required: true,
		description: 'The task to assign the user to',
	}),
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
	const read = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;
	const user = parseReference(this, itemIndex, read('userId'), references.user);
	const task = parseReference(this, itemIndex, read('taskId'), references.task);
	if (!user || !task) {
		const label = user ? 'Task ID' : 'User ID';
		throw inputError(
			this,
			itemIndex,
			`${label} is empty`,
			`Choose the ${label === 'User ID' ? 'user' : 'task'} From List or enter its numeric ID. If it comes from an expression, check that the expression resolves to a value for this item.`,
		);
	}
	const { userId, taskId } = await resolveUserAndTask(this, itemIndex, transport, user, task);
	const response = await transport.request(itemIndex, {
		method: 'POST',
		path: '/userstasks',
		body: { user_id: Number(userId), task_id: Number(taskId) },
	});
	return singleAssignment(this, itemIndex, response.body, undefined);
}

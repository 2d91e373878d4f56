import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import {
	assignmentsPath,
	effortAndWaitingBody,
	plannedEffortField,
	readTaskId,
	taskIdField,
	waitingUntilField,
} from './fields';

const properties: INodeProperties[] = [
	taskIdField,
	{
		displayName: 'Assignee ID',
		name: 'assigneeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 41',
		description: 'Numeric ID of the person to assign to the project task',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [plannedEffortField, waitingUntilField],
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
	const taskId = readTaskId(this, itemIndex);
	const assignee = readId(this, itemIndex, 'assigneeId', 'Assignee ID');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const response = await transport.request(itemIndex, {
		method: 'POST',
		path: assignmentsPath(taskId),
		body: { assignee_id: Number(assignee), ...effortAndWaitingBody(this, itemIndex, fields) },
	});
	return singleAssignment(this, itemIndex, response.body);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference, resolveReference } from '../../../shared/lookup/reference';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { peopleByEmail, references } from '../../methods/references';
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
	referenceLocator({
		...references.assignee,
		required: true,
		description: 'The person to assign to the project task',
	}),
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
	const reference = parseReference(
		this,
		itemIndex,
		this.getNodeParameter('assigneeId', itemIndex, '') as unknown,
		references.assignee,
	);
	if (!reference) readId(this, itemIndex, 'assigneeId', 'Assignee ID');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extra = effortAndWaitingBody(this, itemIndex, fields);
	const assignee = await resolveReference(
		this,
		itemIndex,
		reference,
		'Assignee ID',
		peopleByEmail(transport, itemIndex),
	);
	const response = await transport.request(itemIndex, {
		method: 'POST',
		path: assignmentsPath(taskId),
		body: { assignee_id: Number(assignee), ...extra },
	});
	return singleAssignment(this, itemIndex, response.body);
}

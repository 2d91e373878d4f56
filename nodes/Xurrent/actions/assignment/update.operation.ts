import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference, resolveReference } from '../../../shared/lookup/reference';
import type { Transport } from '../../../shared/transport/createTransport';
import { inputError, readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { peopleByEmail, references } from '../../methods/references';
import {
	assignmentPath,
	effortAndWaitingBody,
	plannedEffortField,
	readTaskId,
	taskIdField,
	waitingUntilField,
} from './fields';

const properties: INodeProperties[] = [
	taskIdField,
	assignmentIdField('ID of the assignment to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// Status is read-only in Xurrent, so it is not offered.
		options: [
			referenceLocator({
				...references.assignee,
				description: 'The person to give the assignment to',
			}),
			plannedEffortField,
			waitingUntilField,
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
	const taskId = readTaskId(this, itemIndex);
	const id = readId(this, itemIndex, 'assignmentId', 'Assignment ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const reference = parseReference(
		this,
		itemIndex,
		this.getNodeParameter('updateFields.assigneeId', itemIndex, '') as unknown,
		references.assignee,
	);
	const body: IDataObject = effortAndWaitingBody(this, itemIndex, fields);
	const assignee = reference
		? await resolveReference(
				this,
				itemIndex,
				reference,
				'Assignee ID',
				peopleByEmail(transport, itemIndex),
			)
		: undefined;
	if (assignee) body.assignee_id = Number(assignee);
	if (Object.keys(body).length === 0) {
		throw inputError(
			this,
			itemIndex,
			'Update Fields is empty',
			'Add at least one field to change under Update Fields: Assignee ID, Planned Effort or Waiting Until.',
		);
	}
	const response = await transport.request(itemIndex, {
		method: 'PATCH',
		path: assignmentPath(taskId, id),
		body,
	});
	return singleAssignment(this, itemIndex, response.body);
}

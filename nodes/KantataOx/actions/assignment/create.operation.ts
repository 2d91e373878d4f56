import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
import { inputError, readId } from '../../../shared/validate';
import { assignmentBody, writableFields } from './fields';
import { stateFields, writeAssignment, writeOptions } from './write';

const properties: INodeProperties[] = [
	{
		displayName: 'Story ID',
		name: 'storyId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 26133885',
		description: 'ID of the task (story) to assign',
	},
	...writableFields('to assign to the task'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...stateFields('Whether the assignment is active')],
	},
	writeOptions,
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
	const storyId = readId(this, itemIndex, 'storyId', 'Story ID');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const assignment = assignmentBody(this, itemIndex, fields, '');
	if (assignment.assignee_id === undefined && assignment.resource_id === undefined) {
		throw inputError(
			this,
			itemIndex,
			'Set Assignee ID or Resource ID',
			'An assignment needs a user (Assignee ID) or a project resource (Resource ID) to assign the task to.',
		);
	}
	return await writeAssignment(this, itemIndex, transport, {
		method: 'POST',
		path: '/assignments',
		body: { assignment: { story_id: Number(storyId), ...assignment } },
	});
}

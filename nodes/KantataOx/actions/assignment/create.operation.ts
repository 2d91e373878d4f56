import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference } from '../../../shared/lookup/reference';
import { inputError } from '../../../shared/validate';
import { references } from '../../methods/references';
import { assignmentBody, writableFields } from './fields';
import { stateFields, writeAssignment, writeOptions } from './write';

const properties: INodeProperties[] = [
	referenceLocator({
		...references.story,
		required: true,
		description: 'The task (story) to assign',
	}),
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
	const story = parseReference(
		this,
		itemIndex,
		this.getNodeParameter('storyId', itemIndex, '') as unknown,
		references.story,
	);
	if (!story || !('id' in story)) {
		throw inputError(
			this,
			itemIndex,
			'Story ID is empty',
			'Choose the task From List, or enter its numeric ID or its address. If it comes from an expression, check that the expression resolves to a value for this item.',
		);
	}
	const storyId = story.id;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const assignment = await assignmentBody(this, itemIndex, fields, '', transport);
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

import { assignmentActions } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import { toolDescriptions } from './tool';

export const { operations, description } = assignmentActions(
	{ getAll, get, create, update, delete: del },
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create an assignment',
			description: 'Assign a user or resource to a task',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Unassign an assignment',
			description:
				'Unassign: Kantata OX keeps the assignment and sets it inactive (current = false)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an assignment',
			description: 'Get an assignment by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many assignments',
			description:
				'Get many assignments, filtered by user, resource, task, project, status or dates',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an assignment',
			description: 'Change the assignee, estimate or status of an assignment',
		},
	],
	toolDescriptions,
);

import { assignmentActions } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as deleteAll from './deleteAll.operation';
import * as ensureAssigned from './ensureAssigned.operation';
import * as ensureUnassigned from './ensureUnassigned.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import { toolDescriptions } from './tool';

export const { operations, description } = assignmentActions(
	{ getAll, get, create, update, delete: del, deleteAll, ensureAssigned, ensureUnassigned },
	[
		{
			name: 'Assign (If Not Assigned)',
			value: 'ensureAssigned',
			action: 'Create or update an assignment if needed',
			description:
				'Make sure the person is assigned to the project task: create the assignment, update its planned effort or waiting-until time, or leave it as it is',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an assignment',
			description: 'Assign a person to a project task',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an assignment',
			description: 'Remove one assignment, by ID, from a project task',
		},
		{
			name: 'Delete All',
			value: 'deleteAll',
			action: 'Delete all assignments of a project task',
			description:
				'Remove every assignment from a project task at once, leaving the task with none',
			// Never offered to an AI agent: see deleteAll.operation.ts.
			displayOptions: { hide: { '@tool': [true] } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an assignment',
			description:
				'Get one assignment of a project task by ID (Xurrent has no single-assignment read: the node lists the task’s assignments and picks it)',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many assignments',
			description: 'Get many assignments of a project task',
		},
		{
			name: 'Unassign (If Assigned)',
			value: 'ensureUnassigned',
			action: 'Delete an assignment if it exists',
			description:
				'Make sure the person is not assigned to the project task: remove their assignment, or do nothing when there is none',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an assignment',
			description: 'Change the assignee, planned effort or waiting-until time of an assignment',
		},
	],
	toolDescriptions,
);

import { assignmentActions } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as ensureAssigned from './ensureAssigned.operation';
import * as ensureUnassigned from './ensureUnassigned.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import { toolDescriptions } from './tool';

export const { operations, description } = assignmentActions(
	{ getAll, get, create, update, delete: del, ensureAssigned, ensureUnassigned },
	[
		{
			name: 'Assign (If Not Assigned)',
			value: 'ensureAssigned',
			action: 'Create or update an assignment if needed',
			description:
				'Make sure the user or resource is assigned to the task: create the assignment, set an unassigned one current again, update its estimate, or leave it as it is',
		},
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
			name: 'Unassign (If Assigned)',
			value: 'ensureUnassigned',
			action: 'Unassign an assignment if it is current',
			description:
				'Make sure the user or resource is not assigned to the task: unassign the current assignment, or do nothing when there is none',
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

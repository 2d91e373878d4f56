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
			action: 'Create an assignment if missing',
			description:
				'Make sure the user is assigned to the task: create the task assignment, or leave the existing one as it is',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an assignment',
			description: 'Assign a user to a task',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an assignment',
			description: 'Remove a user from a task',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an assignment',
			description: 'Get a task assignment by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many assignments',
			description:
				'Get the task assignments of given users or tasks (Paymo requires one of the two)',
		},
		{
			name: 'Unassign (If Assigned)',
			value: 'ensureUnassigned',
			action: 'Delete an assignment if it exists',
			description:
				'Make sure the user is not assigned to the task: delete the task assignment, or do nothing when there is none',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an assignment',
			description: 'Move a task assignment to another user or task',
		},
	],
	[
		{
			displayName:
				'Paymo allows about 5 requests per 5 seconds per API key, so the node paces itself: many pages or items take about a second each.',
			name: 'rateLimitNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: ['assignment'] } },
		},
		...toolDescriptions,
	],
);

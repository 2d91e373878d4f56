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
				'Make sure the user or placeholder has an assignment with these dates: create it, update its allocation, status, description or note, or leave it as it is',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an assignment',
			description:
				'Schedule a user or placeholder on a project, phase or leave type for a date range',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an assignment',
			description: 'Delete an assignment for good (Smartsheet RM keeps no deleted copy)',
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
			description: 'Get the assignments of the account, a user, a project or a placeholder',
		},
		{
			name: 'Unassign (If Assigned)',
			value: 'ensureUnassigned',
			action: 'Delete an assignment if it exists',
			description:
				'Make sure the user or placeholder has no assignment with these dates: delete it, or do nothing when there is none',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an assignment',
			description: 'Change the dates, allocation, status, description or note of an assignment',
		},
	],
	toolDescriptions,
);

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
			name: 'Update',
			value: 'update',
			action: 'Update an assignment',
			description: 'Change the dates, allocation, status, description or note of an assignment',
		},
	],
	toolDescriptions,
);

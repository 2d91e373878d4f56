import type { INodeProperties } from 'n8n-workflow';

import { assignmentOperation } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import type { AssignmentOperations } from '../../../shared/router';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: AssignmentOperations<Transport> = {
	getAll: getAll.execute,
	get: get.execute,
	create: create.execute,
	update: update.execute,
	delete: del.execute,
};

export const description: INodeProperties[] = [
	assignmentOperation([
		{
			name: 'Create',
			value: 'create',
			action: 'Create an assignment',
			description: 'Assign a user or placeholder to a project, phase or leave type',
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
	]),
	...getAll.description,
	...get.description,
	...create.description,
	...update.description,
	...del.description,
];

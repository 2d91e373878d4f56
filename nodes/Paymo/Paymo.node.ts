import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { assignmentResource, requestOptions } from '../shared/descriptions';
import { executeAssignments } from '../shared/assignmentNode';
import { outputOption } from '../shared/output';
import * as assignment from './actions/assignment';
import * as listSearch from './methods/listSearch';
import { paymoOutput } from './simplify';
import { paymoTransport } from './transport';

export class Paymo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Paymo',
		name: 'paymo',
		icon: { light: 'file:../../icons/paymo.svg', dark: 'file:../../icons/paymo.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, read, update and delete task assignments (users on tasks) in Paymo, paced to its rate limit',
		defaults: { name: 'Paymo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'paymoApi', required: true }],
		properties: [
			assignmentResource,
			...assignment.description,
			...outputOption(['get', 'getAll', 'create', 'update', 'ensureAssigned']),
			requestOptions(paymoTransport.timeoutMs),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAssignments(this, assignment.operations, paymoTransport, paymoOutput);
	}
}

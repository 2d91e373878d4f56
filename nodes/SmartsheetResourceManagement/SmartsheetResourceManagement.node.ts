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
import * as loadOptions from './methods/loadOptions';
import { smartsheetRmOutput } from './simplify';
import { smartsheetRmTransport } from './transport';

export class SmartsheetResourceManagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartsheet Resource Management',
		name: 'smartsheetResourceManagement',
		icon: {
			light: 'file:../../icons/smartsheetResourceManagement.svg',
			dark: 'file:../../icons/smartsheetResourceManagement.dark.svg',
		},
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, read, update and delete assignments in Smartsheet Resource Management (10,000ft)',
		defaults: { name: 'Smartsheet Resource Management' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartsheetResourceManagementApi', required: true }],
		properties: [
			assignmentResource,
			...assignment.description,
			...outputOption(['get', 'getAll', 'create', 'update', 'ensureAssigned']),
			requestOptions(smartsheetRmTransport.timeoutMs),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAssignments(
			this,
			assignment.operations,
			smartsheetRmTransport,
			smartsheetRmOutput,
		);
	}
}

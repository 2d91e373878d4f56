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
import { kantataOxOutput } from './simplify';
import { kantataOxAuthentication, kantataOxTransport } from './transport';

export class KantataOx implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kantata OX',
		name: 'kantataOx',
		icon: { light: 'file:../../icons/kantataOx.svg', dark: 'file:../../icons/kantataOx.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, read, update and unassign task assignments in Kantata OX (Mavenlink)',
		defaults: { name: 'Kantata OX' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'kantataOxApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'kantataOxOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			kantataOxAuthentication,
			assignmentResource,
			...assignment.description,
			...outputOption(['get', 'getAll', 'create', 'update', 'ensureAssigned']),
			requestOptions(kantataOxTransport.timeoutMs),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAssignments(
			this,
			assignment.operations,
			kantataOxTransport,
			kantataOxOutput,
		);
	}
}

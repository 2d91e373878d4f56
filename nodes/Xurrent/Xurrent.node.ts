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
import { xurrentOutput } from './simplify';
import { xurrentAuthentication, xurrentTransport } from './transport';

export class Xurrent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xurrent',
		name: 'xurrent',
		icon: { light: 'file:../../icons/xurrent.svg', dark: 'file:../../icons/xurrent.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, read, update and remove project task assignments in Xurrent (formerly 4me)',
		defaults: { name: 'Xurrent' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'xurrentApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'xurrentOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			xurrentAuthentication,
			assignmentResource,
			...assignment.description,
			...outputOption(['get', 'getAll', 'create', 'update', 'ensureAssigned']),
			requestOptions(xurrentTransport.timeoutMs),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAssignments(this, assignment.operations, xurrentTransport, xurrentOutput);
	}
}

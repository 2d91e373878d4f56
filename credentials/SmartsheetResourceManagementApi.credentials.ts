import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authenticateWith } from '../nodes/shared/credentialAuth';

export class SmartsheetResourceManagementApi implements ICredentialType {
	name = 'smartsheetResourceManagementApi';

	displayName = 'Smartsheet Resource Management API';

	icon: Icon = {
		light: 'file:../icons/smartsheetResourceManagement.svg',
		dark: 'file:../icons/smartsheetResourceManagement.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-assignments/n8n-nodes-assignments#smartsheet-resource-management';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An account administrator copies it from Settings > Developer API in Resource Management. It is sent in the "auth" header, never in the URL.',
		},
		{
			// The option value is the API root itself, so the test request and the node share one string.
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'https://api.rm.smartsheet.com/api/v1',
			options: [
				{ name: 'US (api.rm.smartsheet.com)', value: 'https://api.rm.smartsheet.com/api/v1' },
				{ name: 'EU (api.rm.smartsheet.eu)', value: 'https://api.rm.smartsheet.eu/api/v1' },
				{ name: 'Custom Base URL', value: 'custom' },
			],
			description: 'Where the Resource Management account lives',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://api.rm.smartsheet.com/api/v1',
			displayOptions: { show: { region: ['custom'] } },
			description:
				'The API root including /api/v1. It must use https:// (http:// only for localhost).',
		},
	];

	authenticate = authenticateWith((credentials) => ({
		headers: { auth: String(credentials.apiToken ?? '') },
	}));

	test: ICredentialTestRequest = {
		request: {
			// As in the node: no region means US; the `authenticate` step refuses plain http.
			baseURL:
				'={{($credentials.region === "custom" ? $credentials.baseUrl || "" : $credentials.region || "https://api.rm.smartsheet.com/api/v1").trim().replace(/\\/+$/, "")}}',
			url: '/users',
			qs: { per_page: 1 },
			headers: { Accept: 'application/json' },
		},
	};
}

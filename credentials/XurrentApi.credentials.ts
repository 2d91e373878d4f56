import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { environmentProperties } from '../nodes/Xurrent/environment';

export class XurrentApi implements ICredentialType {
	name = 'xurrentApi';

	displayName = 'Xurrent API';

	icon: Icon = { light: 'file:../icons/xurrent.svg', dark: 'file:../icons/xurrent.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-assignments/n8n-nodes-assignments#xurrent';

	properties: INodeProperties[] = [
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Created in Xurrent under My Profile → Personal Access Tokens. Its scopes must allow reading project tasks (Get, Get Many, credential test) and updating them (Create, Update, Delete, Delete All).',
		},
		...environmentProperties,
		{
			displayName:
				'The credential test lists one project task (GET /project_tasks?per_page=1), so it needs only the project-task read access the node needs anyway. It does not call /me, which a scoped token may only call with an extra "me" scope.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'X-Xurrent-Account': '={{String($credentials.accountId || "").trim()}}',
				// Custom hosts also get the 4me-era header name (see accountHeadersOf); on the listed
				// hosts this key resolves to X-Xurrent-Account again, so nothing extra is sent.
				'={{$credentials.environment === "custom" ? "X-4me-Account" : "X-Xurrent-Account"}}':
					'={{String($credentials.accountId || "").trim()}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? $credentials.customUrl.replace(/\\/+$/, "") : $credentials.environment}}',
			url: '/project_tasks',
			qs: { per_page: 1, fields: 'id' },
		},
	};
}

import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authenticateWith } from '../nodes/shared/credentialAuth';
import { accountHeadersOf, environmentProperties } from '../nodes/Xurrent/environment';

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

	// Custom hosts also get the 4me-era account header name (see accountHeadersOf).
	authenticate = authenticateWith((credentials) => ({
		headers: {
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
			...accountHeadersOf(credentials),
		},
	}));

	test: ICredentialTestRequest = {
		request: {
			// The `authenticate` step refuses plain http, as the node does.
			baseURL:
				'={{($credentials.environment === "custom" ? $credentials.customUrl || "" : $credentials.environment).trim().replace(/\\/+$/, "")}}',
			url: '/project_tasks',
			qs: { per_page: 1, fields: 'id' },
		},
	};
}

import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authenticateWith } from '../nodes/shared/credentialAuth';

const defaultBaseUrl = 'https://api.mavenlink.com/api/v1';

export class KantataOxApi implements ICredentialType {
	name = 'kantataOxApi';

	displayName = 'Kantata OX API';

	icon: Icon = { light: 'file:../icons/kantataOx.svg', dark: 'file:../icons/kantataOx.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-assignments/n8n-nodes-assignments#kantata-ox';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A Kantata OX OAuth token. Register an application in Kantata OX, then copy a token for yourself from the application page.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: defaultBaseUrl,
			description:
				'The Kantata OX API root. Keep the default unless Kantata gave you another host; it must use https:// (http:// only for localhost).',
		},
	];

	authenticate = authenticateWith((credentials) => ({
		headers: { Authorization: `Bearer ${String(credentials.accessToken ?? '')}` },
	}));

	test: ICredentialTestRequest = {
		request: {
			// Blank means the default, as in the node; the `authenticate` step refuses plain http.
			baseURL: `={{($credentials.baseUrl || "${defaultBaseUrl}").trim().replace(/\\/+$/, "")}}`,
			url: '/users/me.json',
			headers: { Accept: 'application/json' },
		},
	};
}

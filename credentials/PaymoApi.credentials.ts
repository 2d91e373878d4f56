import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authenticateWith } from '../nodes/shared/credentialAuth';

const defaultBaseUrl = 'https://app.paymoapp.com/api';

export class PaymoApi implements ICredentialType {
	name = 'paymoApi';

	displayName = 'Paymo API';

	icon: Icon = { light: 'file:../icons/paymo.svg', dark: 'file:../icons/paymo.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-assignments/n8n-nodes-assignments#paymo';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A Paymo API key, from My Account → API Keys in Paymo. It acts with that user’s permissions.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: defaultBaseUrl,
			description:
				'The Paymo API root. Keep the default unless you use a proxy or a test server; it must use https:// (http:// only for localhost).',
		},
	];

	// Paymo reads the key as the Basic user name and ignores the password, which must not be empty.
	authenticate = authenticateWith((credentials) => ({
		auth: { username: String(credentials.apiKey ?? ''), password: 'X' },
	}));

	test: ICredentialTestRequest = {
		request: {
			// Blank means the default, as in the node; the `authenticate` step refuses plain http.
			baseURL: `={{($credentials.baseUrl || "${defaultBaseUrl}").trim().replace(/\\/+$/, "")}}`,
			url: '/me',
			headers: { Accept: 'application/json' },
		},
	};
}

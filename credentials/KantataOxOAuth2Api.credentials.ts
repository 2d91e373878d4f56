import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

export class KantataOxOAuth2Api implements ICredentialType {
	name = 'kantataOxOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Kantata OX OAuth2 API';

	icon: Icon = { light: 'file:../icons/kantataOx.svg', dark: 'file:../icons/kantataOx.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-assignments/n8n-nodes-assignments#kantata-ox';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://app.mavenlink.com/oauth/authorize',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://app.mavenlink.com/oauth/token',
			required: true,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.mavenlink.com/api/v1',
			description:
				'The Kantata OX API root. Keep the default unless Kantata gave you another host; it must use https:// (http:// only for localhost).',
		},
	];
}

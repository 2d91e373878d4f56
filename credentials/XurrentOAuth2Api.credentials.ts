import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { environmentProperties } from '../nodes/Xurrent/environment';

export class XurrentOAuth2Api implements ICredentialType {
	name = 'xurrentOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Xurrent OAuth2 API';

	icon: Icon = { light: 'file:../icons/xurrent.svg', dark: 'file:../icons/xurrent.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-assignments/n8n-nodes-assignments#xurrent';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		...environmentProperties,
		{
			displayName: 'Custom Token URL',
			name: 'customTokenUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://oauth.example.com/token',
			displayOptions: { show: { environment: ['custom'] } },
			description: 'The OAuth token endpoint of the custom host',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			// The OAuth host mirrors the API host: api.<domain>/v1 → oauth.<domain>/token.
			default:
				'={{$self.environment === "custom" ? $self.customTokenUrl : $self.environment.replace("://api.", "://oauth.").replace("/v1", "") + "/token"}}',
			required: true,
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		// Xurrent's token endpoint takes client_id and client_secret as body parameters.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}

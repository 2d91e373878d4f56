import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

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

	/**
	 * The token and the account headers (custom hosts also get the 4me-era name; see
	 * accountHeadersOf). A function rather than a generic block: n8n evaluates a generic block's
	 * expressions on every request, a third of a long Return All's time with these four
	 * (bench/results/latest.md).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
				...accountHeadersOf(credentials),
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? $credentials.customUrl.replace(/\\/+$/, "") : $credentials.environment}}',
			url: '/project_tasks',
			qs: { per_page: 1, fields: 'id' },
		},
	};
}

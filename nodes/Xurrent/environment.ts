import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/**
 * The hosts of Xurrent's service-URL table. The option value is the API root itself, so the
 * credential test, the OAuth token URL and the node all derive from one string.
 */
export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment and Region',
		name: 'environment',
		type: 'options',
		default: 'https://api.xurrent.com/v1',
		description:
			'Where the Xurrent account lives: the environment (production, QA or demo) and the region of its service URL',
		options: [
			{ name: 'Demo – Global (api.xurrent-demo.com)', value: 'https://api.xurrent-demo.com/v1' },
			{
				name: 'Production – Australia (api.au.xurrent.com)',
				value: 'https://api.au.xurrent.com/v1',
			},
			{ name: 'Production – Global (api.xurrent.com)', value: 'https://api.xurrent.com/v1' },
			{
				name: 'Production – Switzerland (api.ch.xurrent.com)',
				value: 'https://api.ch.xurrent.com/v1',
			},
			{
				name: 'Production – United Kingdom (api.uk.xurrent.com)',
				value: 'https://api.uk.xurrent.com/v1',
			},
			{
				name: 'Production – United States (api.us.xurrent.com)',
				value: 'https://api.us.xurrent.com/v1',
			},
			{
				name: 'Quality Assurance – Australia (api.au.xurrent.qa)',
				value: 'https://api.au.xurrent.qa/v1',
			},
			{ name: 'Quality Assurance – Global (api.xurrent.qa)', value: 'https://api.xurrent.qa/v1' },
			{
				name: 'Quality Assurance – Switzerland (api.ch.xurrent.qa)',
				value: 'https://api.ch.xurrent.qa/v1',
			},
			{
				name: 'Quality Assurance – United Kingdom (api.uk.xurrent.qa)',
				value: 'https://api.uk.xurrent.qa/v1',
			},
			{
				name: 'Quality Assurance – United States (api.us.xurrent.qa)',
				value: 'https://api.us.xurrent.qa/v1',
			},
			{ name: 'Self-Hosted or Legacy 4me Host (Custom URL)', value: 'custom' },
		],
	},
	{
		displayName: 'Custom Base URL',
		name: 'customUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://api.example.com/v1',
		displayOptions: { show: { environment: ['custom'] } },
		description:
			'The REST API root including /v1. It must use https:// (http:// only for localhost). On these hosts the account is sent both as X-Xurrent-Account and as the 4me-era X-4me-Account.',
	},
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. widget',
		description:
			'The ID of the Xurrent account to work in: the subdomain of its address, e.g. "widget" for widget.xurrent.com. Sent with every request as the X-Xurrent-Account header.',
	},
];

/** The API root a credential points at. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'https://api.xurrent.com/v1');
	return environment === 'custom' ? String(credentials.customUrl ?? '') : environment;
}

/**
 * The account header(s). The listed hosts document only X-Xurrent-Account. A custom host may be a
 * legacy 4me host or an on-premise install older than the rename, which read only X-4me-Account;
 * sending both with the same value lets either kind find its header. Mirrors the expression in
 * the personal-access-token credential's `authenticate` block.
 */
export function accountHeadersOf(
	credentials: ICredentialDataDecryptedObject,
): Record<string, string> {
	const account = String(credentials.accountId ?? '').trim();
	return credentials.environment === 'custom'
		? { 'X-Xurrent-Account': account, 'X-4me-Account': account }
		: { 'X-Xurrent-Account': account };
}

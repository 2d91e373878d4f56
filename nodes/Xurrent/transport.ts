import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { windowPacer } from '../shared/transport/pacing';
import { linkHeader } from '../shared/transport/pagination';
import type { TransportConfig } from '../shared/transport/types';
import { accountHeadersOf, baseUrlOf } from './environment';

/** The node's and the trigger's Authentication choice (the credentials below, by its values). */
export const xurrentAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Personal Access Token', value: 'accessToken' },
		{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2' },
	],
	default: 'accessToken',
};

export const xurrentTransport: TransportConfig = {
	credentials: [
		{ authentication: 'accessToken', type: 'xurrentApi' },
		{ authentication: 'oAuth2', type: 'xurrentOAuth2Api', oAuth2: true },
	],
	baseUrl: baseUrlOf,
	// n8n applies no credential header block to OAuth2 requests, so the account header is the
	// node's to send (the token credential's own block sends the same value).
	headers: accountHeadersOf,
	errorText(body) {
		const data = (body ?? {}) as IDataObject;
		// 422 bodies carry `errors` as [field, message] tuples; one field may appear several times.
		const details = (Array.isArray(data.errors) ? (data.errors as unknown[]) : [])
			.filter(Array.isArray)
			.map((tuple: unknown[]) => tuple.filter((part) => part !== null && part !== '').join(': '))
			.filter(Boolean);
		return { message: typeof data.message === 'string' ? data.message : undefined, details };
	},
	hints: {
		400: 'Check the parameters of this operation against the Xurrent API documentation.',
		401: 'Check the Xurrent credential: the token may be wrong, expired or revoked, or it may belong to another environment or region than the one selected.',
		403: 'The token may lack a scope for project tasks (a personal access token needs read access, and update access to change assignments), or the Account ID may name an account the token’s person has no access to.',
		404: 'Check the project task ID and the assignment ID. A wrong Account ID or region also answers 404.',
		422: 'Xurrent rejected the values above; correct the named fields.',
	},
	// Every answer carries x-ratelimit-limit/-remaining/-reset (UTC epoch seconds): when the
	// hour's budget is spent, wait for the reset (up to a minute) rather than provoke a 429.
	pacer: windowPacer(),
	timeoutMs: 60_000,
};

export const maxPageSize = 100;

/** Cursor pagination: the `Link` header's rel="next" URL, followed as given, never built. */
export const xurrentPages = linkHeader('per_page');

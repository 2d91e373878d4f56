import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { isLastByCounts, pageNumber } from '../shared/transport/pagination';
import type { TransportConfig } from '../shared/transport/types';

interface KantataError {
	message?: string;
	field?: string;
}

/** The node's and the trigger's Authentication choice (the credentials below, by its values). */
export const kantataOxAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'accessToken',
};

export const kantataOxTransport: TransportConfig = {
	credentials: [
		{ authentication: 'accessToken', type: 'kantataOxApi' },
		{ authentication: 'oAuth2', type: 'kantataOxOAuth2Api', oAuth2: true },
	],
	baseUrl: (credentials) => (credentials.baseUrl as string) || 'https://api.mavenlink.com/api/v1',
	// Without the suffix the API redirects to its HTML documentation.
	pathSuffix: '.json',
	headers: { Accept: 'application/json' },
	errorText(body) {
		const data = (body ?? {}) as IDataObject;
		const errors = Array.isArray(data.errors) ? (data.errors as KantataError[]) : [];
		const lines = errors
			.filter((error) => error?.message)
			.map((error) => (error.field ? `${error.field}: ${error.message}` : String(error.message)));
		const message =
			lines[0] ?? (typeof data.error_message === 'string' ? data.error_message : undefined);
		return { message, details: lines.slice(1) };
	},
	hints: {
		400: 'Check the parameters of this operation against the Kantata OX API documentation.',
		401: 'Check the access token in the Kantata OX credential: it may be wrong or revoked.',
		403: 'The token’s user may not see or change this assignment. Use a token of a user who can, e.g. an account administrator.',
		404: 'Check the ID. Kantata OX applies its default filters to single reads too, so an assignment in an archived project or task also answers 404.',
		422: 'Kantata OX rejected the values above; correct the named fields.',
	},
	timeoutMs: 180_000,
};

export const maxPageSize = 200;

const counts = (body: unknown) => {
	const data = (body ?? {}) as IDataObject;
	const meta = (data.meta ?? {}) as IDataObject;
	return { pageNumber: meta.page_number, pageCount: meta.page_count, total: data.count };
};

// Page 1's meta says how many pages the query has: the rest can be fetched at once.
export const kantataPages = pageNumber({
	pageParam: 'page',
	sizeParam: 'per_page',
	firstPage: 1,
	isLastPage: isLastByCounts(counts),
	pageCount: (body) => counts(body).pageCount,
});

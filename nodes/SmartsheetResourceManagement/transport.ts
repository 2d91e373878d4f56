import type { IDataObject } from 'n8n-workflow';

import { windowPacer } from '../shared/transport/pacing';
import type { PaginationStrategy, TransportConfig } from '../shared/transport/types';

const usApi = 'https://api.rm.smartsheet.com/api/v1';

export const smartsheetRmTransport: TransportConfig = {
	credentials: [{ authentication: 'apiToken', type: 'smartsheetResourceManagementApi' }],
	baseUrl(credentials) {
		const region = String(credentials.region || usApi);
		return region === 'custom' ? String(credentials.baseUrl ?? '') : region;
	},
	headers: { Accept: 'application/json' },
	errorText(body) {
		const data = (body ?? {}) as IDataObject;
		const message = typeof data.message === 'string' ? data.message : undefined;
		// Validation answers `{"message":"bad data","errors":["..."]}`: the reasons are the news.
		const errors = (Array.isArray(data.errors) ? data.errors : [])
			.filter((error) => typeof error === 'string' && error !== '')
			.map(String);
		if (!errors.length) return { message };
		return { message: `${message ?? 'bad data'}: ${errors.join('; ')}` };
	},
	hints: {
		400: 'Check the parameters of this operation against the Smartsheet Resource Management API documentation.',
		401: 'Check the API token in the Smartsheet Resource Management credential: it may be wrong or revoked (Settings > Developer API).',
		// Smartsheet RM answers 403 to rejected values as well as to refused actions.
		403: 'Smartsheet Resource Management refused the request. "bad data" means it rejected the values sent, for the reasons listed: correct them. Otherwise the account may not change this record.',
		404: 'Check the ID. With a user, project or placeholder chosen as scope, an assignment outside that scope also answers 404.',
	},
	// Wait out an exhausted window (until X-RateLimit-Reset) instead of provoking a 429.
	pacer: windowPacer(),
	// A page of 1000 assignments can take the API a while to build.
	timeoutMs: 120_000,
};

export const maxPageSize = 1000;

/** The `page` a next link names, if it names a whole number. */
function pageOfLink(link: string): number | undefined {
	const match = /[?&]page=(\d+)(?:&|#|$)/.exec(link);
	return match ? Number(match[1]) : undefined;
}

/**
 * `per_page` on the first request; then, while `paging.next` is set, the same path and query with
 * the next page number. The link itself is not requested: a real one carries the scope and the
 * page only (`…/projects/183760/assignments?assignable_id=183760&page=1`), without per_page,
 * from, to, with_phases or fields, and a base URL behind a path prefix would lose its prefix.
 */
export const smartsheetRmPages: PaginationStrategy = {
	first: (pageSize) => ({ per_page: pageSize }),
	next(page) {
		const link = (((page.response.body ?? {}) as IDataObject).paging as IDataObject | undefined)
			?.next;
		if (typeof link !== 'string' || link === '' || page.items.length === 0) return undefined;
		const current = Number(page.request.qs?.page ?? 1);
		const linked = pageOfLink(link);
		// A link that does not move forward would read the same page again: take the next one.
		const number = linked !== undefined && linked > current ? linked : current + 1;
		return { ...page.request, qs: { ...page.request.qs, page: number } };
	},
};

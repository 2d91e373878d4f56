import type { IDataObject } from 'n8n-workflow';

import { isShortPage, pageNumber } from '../shared/transport/pagination';
import { windowPacer } from '../shared/transport/pacing';
import type { TransportConfig } from '../shared/transport/types';

export const paymoTransport: TransportConfig = {
	credentials: [{ authentication: 'apiKey', type: 'paymoApi' }],
	baseUrl: (credentials) => (credentials.baseUrl as string) || 'https://app.paymoapp.com/api',
	headers: { Accept: 'application/json' },
	errorText(body) {
		const message = ((body ?? {}) as IDataObject).message;
		return { message: typeof message === 'string' && message ? message : undefined };
	},
	hints: {
		400: 'Check the parameters of this operation against the Paymo API documentation.',
		401: 'Paymo did not accept the API key. The credential sends it as the user name of HTTP Basic authentication; copy the key again from My Account → API Keys in Paymo.',
		403: 'The API key’s user may not see or change this assignment. Paymo employees see only the projects they are assigned to; use the key of an admin or project manager.',
		404: 'Check the ID: no task assignment with it exists, or the API key’s user cannot see it.',
		429: 'Paymo allows only a few requests every few seconds per API key. The node paces itself from the rate-limit headers; another workflow or app using the same key may be spending the budget.',
	},
	// About 5 requests per 5 s: one a second is within the limit if the headers ever go missing.
	pacer: windowPacer({ fallbackMs: 1_000 }),
	timeoutMs: 60_000,
};

/** The page size Paymo's support asks for. */
export const maxPageSize = 100;

// Undocumented but confirmed by Paymo: 0-based `page` plus `page_size`, no metadata.
export const paymoPages = pageNumber({
	pageParam: 'page',
	sizeParam: 'page_size',
	firstPage: 0,
	isLastPage: isShortPage,
});

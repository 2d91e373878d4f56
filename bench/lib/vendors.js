'use strict';
// What the benchmark needs to know per vendor: page sizes and end signals, how to size the
// sandbox so one list holds exactly N assignments, and the three ways to fetch that list — this
// package's node, a plain `fetch` loop, and n8n's HTTP Request node configured as a user would.
// The plain loop and the HTTP Request node send the same query as the node, page for page.

const { SANDBOX_CREDENTIALS } = require('../../scripts/lib/credentials');

const VENDORS = ['kantata', 'rm', 'xurrent', 'paymo'];

const LABEL = {
	kantata: 'Kantata OX',
	rm: 'Smartsheet RM',
	xurrent: 'Xurrent',
	paymo: 'Paymo',
};

/** The largest page each API serves (nodes/<Vendor>/transport.ts `maxPageSize`). */
const MAX_PAGE = { kantata: 200, rm: 1000, xurrent: 100, paymo: 100 };

/** Whether the API says which page is the last (Paymo sends no metadata: a short page ends it). */
const END_SIGNAL = { kantata: true, rm: true, xurrent: true, paymo: false };

const NODE = {
	kantata: 'kantataOx',
	rm: 'smartsheetResourceManagement',
	xurrent: 'xurrent',
	paymo: 'paymo',
};

const CREDENTIAL_TYPE = {
	kantata: 'kantataOxApi',
	rm: 'smartsheetResourceManagementApi',
	xurrent: 'xurrentApi',
	paymo: 'paymoApi',
};

/** Xurrent's big task and Paymo's admin user hold 30 % of the vendor's seeded assignments. */
const SHARE = { kantata: 1, rm: 1, xurrent: 0.3, paymo: 0.3 };

/** Sandbox size at which the benchmarked list holds exactly `n` assignments. */
function sandboxSize(vendor, n) {
	const share = SHARE[vendor];
	if (share === 1) return n;
	let size = Math.ceil(n / share);
	while (Math.floor(size * share) > n) size--;
	while (Math.floor(size * share) < n) size++;
	if (Math.floor(size * share) !== n) throw new Error(`no ${vendor} sandbox size gives ${n}`);
	return size;
}

/** Fewest requests that can return `n` items (Return All) or the first `limit` items. */
function minRequests(vendor, { n, limit }) {
	if (limit !== undefined) return Math.ceil(Math.min(limit, n) / MAX_PAGE[vendor]);
	const pages = Math.max(1, Math.ceil(n / MAX_PAGE[vendor]));
	// Without an end signal only a short page ends the list: a full last page needs one more look.
	return END_SIGNAL[vendor] || n % MAX_PAGE[vendor] !== 0 ? pages : pages + 1;
}

const PAYMO_USER = '241185';
const XURRENT_TASK = '1001';

// Kantata's default filters hide archived projects and tasks and unnamed resources: switch them
// off so the list is every seeded assignment.
const KANTATA_FILTERS = {
	includeUnnamed: true,
	inUnarchivedStories: false,
	inUnarchivedWorkspaces: false,
};
const KANTATA_QUERY = {
	include_unnamed: 'true',
	in_unarchived_stories: 'false',
	in_unarchived_workspaces: 'false',
	order: 'created_at:asc',
};

/** The package node's parameters for Return All (limit undefined) or a Limit. */
function listParameters(vendor, limit) {
	const paging = limit === undefined ? { returnAll: true } : { returnAll: false, limit };
	const common = { resource: 'assignment', operation: 'getAll', ...paging };
	switch (vendor) {
		case 'kantata':
			return {
				authentication: 'accessToken',
				...common,
				filters: KANTATA_FILTERS,
				options: { order: 'created_at:asc' },
			};
		case 'rm':
			return { ...common, scope: 'all', filters: {} };
		case 'xurrent':
			return { authentication: 'accessToken', ...common, taskId: XURRENT_TASK };
		case 'paymo':
			return { ...common, filterBy: 'user', userId: PAYMO_USER, filters: {}, options: {} };
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
}

function credentialsFor(vendor, sandboxVendors) {
	const type = CREDENTIAL_TYPE[vendor];
	return { [type]: SANDBOX_CREDENTIALS[type](sandboxVendors) };
}

const paymoAuth = (v) => `Basic ${Buffer.from(`${v.paymo.apiKey}:X`).toString('base64')}`;

/** Headers a user of the plain loop or the HTTP Request node sends (the credential's auth). */
function authHeaders(vendor, v) {
	switch (vendor) {
		case 'kantata':
			return { Authorization: `Bearer ${v.kantata.accessToken}` };
		case 'rm':
			return { auth: v.rm.apiToken };
		case 'xurrent':
			return {
				Authorization: `Bearer ${v.xurrent.accessToken}`,
				'X-Xurrent-Account': v.xurrent.accountId,
			};
		case 'paymo':
			return { Authorization: paymoAuth(v) };
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
}

/** The first page's URL as the node requests it, with the largest page size. */
function firstPageUrl(vendor, v) {
	const size = MAX_PAGE[vendor];
	const url = (base, path, query) => `${base}${path}?${new URLSearchParams(query)}`;
	switch (vendor) {
		case 'kantata':
			return url(v.kantata.baseUrl, '/assignments.json', {
				...KANTATA_QUERY,
				page: 1,
				per_page: size,
			});
		case 'rm':
			return url(v.rm.baseUrl, '/assignments', { per_page: size });
		case 'xurrent':
			return url(v.xurrent.baseUrl, `/project_tasks/${XURRENT_TASK}/assignments`, {
				per_page: size,
			});
		case 'paymo':
			return url(v.paymo.baseUrl, '/userstasks', {
				where: `user_id=${PAYMO_USER}`,
				page: 0,
				page_size: size,
			});
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
}

/** Records in one page body (for the plain loop and to count what the HTTP node returned). */
function recordsOf(vendor, body) {
	switch (vendor) {
		case 'kantata':
			return (body.results ?? [])
				.filter((r) => r.key === 'assignments')
				.map((r) => body.assignments[r.id]);
		case 'rm':
			return body.data ?? [];
		case 'xurrent':
			return Array.isArray(body) ? body : [];
		case 'paymo':
			return body.userstasks ?? [];
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
}

const linkNext = (header) => /<([^>]*)>\s*;\s*rel="?next"?/.exec(header ?? '')?.[1];

/**
 * The next page's URL by the API's own end rule, or undefined at the end: Kantata's meta
 * page_number ≥ page_count, RM's paging.next (relative), Xurrent's Link rel="next", Paymo's short
 * page.
 */
function nextPageUrl(vendor, { url, response, body, records, origin }) {
	switch (vendor) {
		case 'kantata': {
			if (!records.length || body.meta.page_number >= body.meta.page_count) return undefined;
			const next = new URL(url);
			next.searchParams.set('page', String(Number(next.searchParams.get('page')) + 1));
			return next.href;
		}
		case 'rm':
			return body.paging?.next && records.length ? origin + body.paging.next : undefined;
		case 'xurrent':
			return records.length ? linkNext(response.headers.get('link')) : undefined;
		case 'paymo': {
			if (records.length < MAX_PAGE.paymo) return undefined;
			const next = new URL(url);
			next.searchParams.set('page', String(Number(next.searchParams.get('page')) + 1));
			return next.href;
		}
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
}

const keyValues = (object) =>
	Object.entries(object).map(([name, value]) => ({ name, value: String(value) }));

/**
 * n8n's HTTP Request node (v4.x) with its built-in pagination set up for the vendor the way its
 * documentation leads a user: page parameter plus a completion expression, or the next URL from
 * the body or the Link header. Auth goes in as header parameters the user types in
 * (Authentication: None), so no n8n-nodes-base credential type is involved.
 * `maxRequests` caps the pages (the warm-up fetches one).
 */
function httpNodeParameters(vendor, v, origin, maxRequests) {
	const size = MAX_PAGE[vendor];
	const headers = authHeaders(vendor, v);
	let url;
	let query;
	let pagination;
	switch (vendor) {
		case 'kantata':
			url = `${v.kantata.baseUrl}/assignments.json`;
			query = { ...KANTATA_QUERY, per_page: size };
			pagination = {
				paginationMode: 'updateAParameterInEachRequest',
				parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
				paginationCompleteWhen: 'other',
				completeExpression:
					'={{ $response.body.meta.page_number >= $response.body.meta.page_count }}',
			};
			break;
		case 'rm':
			// Page parameter rather than "next URL": paging.next is a path, and an expression that
			// prefixes the host also yields a URL for the first request, which then goes astray.
			url = `${v.rm.baseUrl}/assignments`;
			query = { per_page: size };
			pagination = {
				paginationMode: 'updateAParameterInEachRequest',
				parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
				paginationCompleteWhen: 'other',
				completeExpression: '={{ !$response.body.paging.next }}',
			};
			break;
		case 'xurrent':
			url = `${v.xurrent.baseUrl}/project_tasks/${XURRENT_TASK}/assignments`;
			query = { per_page: size };
			pagination = {
				paginationMode: 'responseContainsNextURL',
				nextURL: '={{ $response.headers.link.match(/<([^>]*)>;\\s*rel="next"/)[1] }}',
				paginationCompleteWhen: 'other',
				completeExpression: '={{ !String($response.headers.link ?? "").includes(\'rel="next"\') }}',
			};
			break;
		case 'paymo':
			url = `${v.paymo.baseUrl}/userstasks`;
			query = { where: `user_id=${PAYMO_USER}`, page_size: size };
			pagination = {
				paginationMode: 'updateAParameterInEachRequest',
				parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount }}' }] },
				paginationCompleteWhen: 'other',
				completeExpression: `={{ $response.body.userstasks.length < ${size} }}`,
			};
			break;
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
	if (maxRequests) Object.assign(pagination, { limitPagesFetched: true, maxRequests });
	return {
		method: 'GET',
		url,
		authentication: 'none',
		sendQuery: true,
		specifyQuery: 'keypair',
		queryParameters: { parameters: keyValues(query) },
		sendHeaders: true,
		specifyHeaders: 'keypair',
		headerParameters: { parameters: keyValues(headers) },
		options: { pagination: { pagination } },
	};
}

module.exports = {
	VENDORS,
	LABEL,
	MAX_PAGE,
	END_SIGNAL,
	NODE,
	CREDENTIAL_TYPE,
	sandboxSize,
	minRequests,
	listParameters,
	credentialsFor,
	authHeaders,
	firstPageUrl,
	recordsOf,
	nextPageUrl,
	httpNodeParameters,
	paymoAuth,
};

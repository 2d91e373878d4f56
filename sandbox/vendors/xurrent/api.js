'use strict';
// Xurrent (4me) REST API v1, project task assignments (reference: vendors-xurrent-paymo.md §1,
// seed 002), plus the OAuth 2.0 client-credentials token endpoint.

const { json, empty, whole } = require('../../lib/http');
const { isoUtc } = require('../../lib/time');
const constants = require('../../constants').xurrent;
const { seedXurrent, stamp, ACCOUNT } = require('./seed');

const MAX_PER_PAGE = 100;
const MAX_EFFORT = 600000;
const TOKEN_SECONDS = 3600;
const message = (status, text) => json(status, { message: text });
const notFound = () => message(404, 'Not Found');
/** 422: `{"message":"Validation Failed","errors":[[field, message], ...]}`. */
const invalid = (errors) => json(422, { message: 'Validation Failed', errors });
const STATUS_TEXT = {
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway timeout',
};

function authenticate(ctx) {
	if (ctx.mount !== constants.prefix) return { present: false, valid: true };
	const header = ctx.headers.authorization;
	const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
	const issued = token ? ctx.state.tokens.get(token) : undefined;
	const tokenValid =
		token === constants.accessToken || (issued !== undefined && issued > Date.now());
	// The 4me-era header name is still sent by older clients and by the node on custom hosts.
	const account = ctx.headers['x-xurrent-account'] ?? ctx.headers['x-4me-account'];
	return {
		present: Boolean(header),
		valid: tokenValid && account === constants.accountId,
		tokenValid,
		account: account ?? null,
	};
}

/** A path ID: the numeric ID or a GraphQL nodeID (base64 of ".../<Type>/<id>"). */
function idOf(raw) {
	if (/^\d+$/.test(raw)) return Number(raw);
	const decoded = Buffer.from(String(raw), 'base64url').toString('utf8');
	const match = /\/\w+\/(\d+)$/.exec(decoded);
	return match ? Number(match[1]) : undefined;
}

// ---------------------------------------------------------------- pagination

const encodeCursor = (offset, id) =>
	Buffer.from(JSON.stringify({ offset, cursor: [id] })).toString('base64');
function decodeCursor(text) {
	try {
		const value = JSON.parse(Buffer.from(String(text), 'base64').toString('utf8'));
		return Number.isInteger(value?.cursor?.[0]) ? value.cursor[0] : undefined;
	} catch {
		return undefined;
	}
}

/**
 * One page of an ascending ID list, cursor style: `per_page` (≤ 100) and the `search_after` /
 * `search_before` cursors from the Link header; absolute links on the origin the client called.
 */
function paged(ctx, ids, toRecord) {
	const { query } = ctx;
	const perPageRaw = query.per_page === undefined ? 20 : whole(query.per_page);
	if (perPageRaw !== undefined && perPageRaw < 1)
		return message(400, "Parameter 'per_page' cannot be less than 1");
	const perPage = Math.min(MAX_PER_PAGE, perPageRaw ?? 20);
	let start = 0;
	if (query.search_after !== undefined || query.search_before !== undefined) {
		const after = query.search_after !== undefined;
		const cursor = decodeCursor(after ? query.search_after : query.search_before);
		if (cursor === undefined)
			return message(400, `Parameter '${after ? 'search_after' : 'search_before'}' is invalid`);
		let index = ids.findIndex((id) => (after ? id > cursor : id >= cursor));
		if (index === -1) index = ids.length;
		start = after ? index : Math.max(0, index - perPage);
	}
	const pageIds = ids.slice(start, start + perPage);
	const base = new URLSearchParams(query);
	for (const key of ['search_after', 'search_before', 'per_page']) base.delete(key);
	base.set('per_page', String(perPage));
	const host = ctx.headers.host ? `http://${ctx.headers.host}` : ctx.origin;
	const link = (extra) => {
		const qs = new URLSearchParams(base);
		for (const [k, v] of Object.entries(extra)) qs.set(k, v);
		return `<${host}${ctx.mount}${ctx.path}?${qs}>`;
	};
	const links = [];
	if (start > 0) {
		links.push(`${link({})}; rel="first"`);
		links.push(
			`${link({ search_before: encodeCursor(start, pageIds[0] ?? ids[ids.length - 1] + 1) })}; rel="prev"`,
		);
	}
	if (start + perPage < ids.length)
		links.push(
			`${link({ search_after: encodeCursor(start + pageIds.length, pageIds[pageIds.length - 1]) })}; rel="next"`,
		);
	const headers = {
		'X-Pagination-Per-Page': String(perPage),
		'X-Pagination-Current-Page': String(Math.floor(start / perPage) + 1),
		'X-Pagination-Total-Pages': String(Math.max(1, Math.ceil(ids.length / perPage))),
		'X-Pagination-Total-Entries': String(ids.length),
	};
	if (pageIds.length) {
		headers['X-Pagination-Start-Cursor'] = encodeCursor(start, pageIds[0]);
		headers['X-Pagination-End-Cursor'] = encodeCursor(
			start + pageIds.length,
			pageIds[pageIds.length - 1],
		);
	}
	if (links.length) headers.Link = links.join(', ');
	const fields = query.fields
		? String(query.fields)
				.split(',')
				.map((f) => f.trim())
		: undefined;
	const body = pageIds.map((id) => {
		const record = toRecord(id);
		if (!fields) return record;
		// "id is implicit" in field selection.
		return Object.fromEntries(
			Object.entries(record).filter(([k]) => k === 'id' || fields.includes(k)),
		);
	});
	return json(200, body, headers);
}

// ---------------------------------------------------------------- assignments

const publicTask = (task) => {
	const { assignmentIds, ...rest } = task;
	return rest;
};

/** Reads writable fields into a draft; returns Xurrent's [field, message] tuples. */
function applyFields(state, task, draft, body) {
	const problems = [];
	if (body.assignee_id !== undefined) {
		const person = state.people.get(whole(body.assignee_id));
		if (!person) problems.push(['assignee', 'Assignee is invalid']);
		else if (
			task.assignmentIds.some(
				(id) => id !== draft.id && state.assignments.get(id).assignee.id === person.id,
			)
		) {
			problems.push(['assignee', 'Assignee has already been taken']);
		} else draft.assignee = { ...person, account: { ...ACCOUNT } };
	}
	if (!draft.assignee && problems.length === 0)
		problems.push(['assignee', "Assignee can't be blank"]);
	if (body.planned_effort !== undefined) {
		let minutes = body.planned_effort === null ? null : whole(body.planned_effort);
		// Durations also accept "hhh:mm".
		const hhmm = /^(\d+):([0-5]\d)$/.exec(String(body.planned_effort));
		if (hhmm) minutes = Number(hhmm[1]) * 60 + Number(hhmm[2]);
		if (minutes === undefined) problems.push(['planned_effort', 'Planned effort is not a number']);
		else if (minutes !== null && (minutes < 0 || minutes > MAX_EFFORT)) {
			problems.push([
				'planned_effort',
				`Planned effort must be less than or equal to ${MAX_EFFORT}`,
			]);
		} else draft.planned_effort = minutes;
	}
	if (body.waiting_until !== undefined) {
		if (body.waiting_until === null) draft.waiting_until = null;
		else if (Number.isNaN(Date.parse(body.waiting_until)))
			problems.push(['waiting_until', 'Waiting until is invalid']);
		else draft.waiting_until = isoUtc(Date.parse(body.waiting_until));
	}
	// Read-only fields (status, id, created_at, ...) are ignored, as are unknown ones.
	return problems;
}

function createAssignment(ctx, task) {
	const { state } = ctx;
	const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
	const now = stamp(Date.now());
	const draft = {
		assignee: undefined,
		attachment: null,
		created_at: now,
		id: state.next.assignment,
		planned_effort: null,
		status: 'assigned',
		updated_at: now,
		waiting_until: null,
		account: { ...ACCOUNT },
	};
	const problems = applyFields(state, task, draft, body);
	if (problems.length) return invalid(problems);
	state.next.assignment += 1;
	state.assignments.set(draft.id, draft);
	state.taskOf.set(draft.id, task.id);
	task.assignmentIds.push(draft.id);
	return json(201, draft);
}

function updateAssignment(ctx, task, record) {
	const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
	const draft = { ...record };
	const problems = applyFields(ctx.state, task, draft, body);
	if (problems.length) return invalid(problems);
	draft.updated_at = stamp(Date.now());
	Object.assign(record, draft);
	return json(200, record);
}

function removeAssignments(state, task, ids) {
	for (const id of ids) {
		state.assignments.delete(id);
		state.taskOf.delete(id);
	}
	task.assignmentIds = task.assignmentIds.filter((id) => !ids.includes(id));
	return empty(204);
}

// ---------------------------------------------------------------- OAuth token endpoint

function token(ctx) {
	if (ctx.method !== 'POST') return message(404, 'Not Found');
	const params = ctx.body && typeof ctx.body === 'object' ? { ...ctx.body } : {};
	const basic = /^Basic\s+(.+)$/i.exec(ctx.headers.authorization ?? '');
	if (basic) {
		const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		params.client_id ??= decodeURIComponent(id ?? '');
		params.client_secret ??= decodeURIComponent(secret ?? '');
	}
	if (params.grant_type !== 'client_credentials') {
		return json(400, {
			error: 'unsupported_grant_type',
			error_description: 'Only the client_credentials grant is supported here.',
		});
	}
	if (params.client_id !== constants.clientId || params.client_secret !== constants.clientSecret) {
		// RFC 6749 §5.2: 401 when the client authenticated through the Authorization header.
		return json(basic ? 401 : 400, {
			error: 'invalid_client',
			error_description: 'Client authentication failed.',
		});
	}
	const value = `sandbox-xurrent-cc-${ctx.state.next.token++}`;
	ctx.state.tokens.set(value, Date.now() + TOKEN_SECONDS * 1000);
	return json(200, {
		access_token: value,
		token_type: 'Bearer',
		expires_in: TOKEN_SECONDS,
		created_at: Math.floor(Date.now() / 1000),
	});
}

// ---------------------------------------------------------------- routing

/** People's primary email, derived from the name (the seed keeps none) [I]. */
const withEmail = (person) => ({
	...person,
	primary_email: `${person.name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
});

/** People in ID order, filtered by `primary_email` (exact, case-insensitive) when given [I]. */
function peopleIds(state, query) {
	const email = String(query.primary_email ?? '')
		.trim()
		.toLowerCase();
	return [...state.people.keys()]
		.sort((a, b) => a - b)
		.filter((id) => !email || withEmail(state.people.get(id)).primary_email === email);
}

function handle(ctx) {
	const { state, method } = ctx;
	if (ctx.mount !== constants.prefix) return ctx.path === '/token' ? token(ctx) : notFound();
	// "GET https://api.xurrent.com/v1 (no auth) returns 200 with body {}".
	if (ctx.path === '/' && method === 'GET') return json(200, {});
	if (!ctx.auth.tokenValid) return message(401, 'Unauthorized');
	if (!ctx.auth.valid) return message(403, 'Forbidden');
	const parts = ctx.path.split('/').filter(Boolean);
	const trailingSlash = ctx.path.endsWith('/');
	if (parts[0] === 'me' && parts.length === 1 && method === 'GET')
		return json(200, state.people.get(state.fixtures.meId));
	if (parts[0] === 'people' && method === 'GET') {
		if (parts.length === 1)
			return paged(ctx, peopleIds(state, ctx.query), (id) => withEmail(state.people.get(id)));
		const person = state.people.get(idOf(parts[1]));
		return person && parts.length === 2 ? json(200, person) : notFound();
	}
	if (parts[0] !== 'project_tasks') return notFound();
	if (parts.length === 1) {
		return method === 'GET'
			? paged(
					ctx,
					[...state.tasks.keys()].sort((a, b) => a - b),
					(id) => publicTask(state.tasks.get(id)),
				)
			: notFound();
	}
	const task = state.tasks.get(idOf(parts[1]));
	if (!task) return notFound();
	if (parts.length === 2) return method === 'GET' ? json(200, publicTask(task)) : notFound();
	if (parts[2] !== 'assignments' || parts.length > 4) return notFound();
	if (parts.length === 3) {
		if (method === 'GET') return paged(ctx, task.assignmentIds, (id) => state.assignments.get(id));
		if (method === 'POST') return createAssignment(ctx, task);
		// "DELETE /project_tasks/:id/assignments/" removes every assignment of the task.
		if (method === 'DELETE') return removeAssignments(state, task, [...task.assignmentIds]);
		return notFound();
	}
	if (trailingSlash) return notFound();
	const id = idOf(parts[3]);
	const record = state.assignments.get(id);
	if (!record || state.taskOf.get(id) !== task.id) return notFound();
	// Get-one is undocumented; the .NET SDK calls this path, so the sandbox answers it.
	if (method === 'GET') return json(200, record);
	if (method === 'PATCH' || method === 'PUT') return updateAssignment(ctx, task, record);
	if (method === 'DELETE') return removeAssignments(state, task, [id]);
	return notFound();
}

module.exports = {
	name: 'xurrent',
	prefix: constants.prefix,
	extraMounts: ['/xurrent/oauth'],
	seed: seedXurrent,
	authenticate,
	handle,
	/** "3600 requests per hour" (the documented header value). */
	defaultRateLimit: { limit: 3600, windowSeconds: 3600 },
	rateLimitHeaders: (info) => ({
		'x-ratelimit-limit': String(info.limit),
		'x-ratelimit-remaining': String(info.remaining),
		'x-ratelimit-reset': String(info.resetEpochSeconds),
	}),
	retryAfterOn429: true,
	// The OAuth host is not metered by the API's rate limit.
	isUnmetered: (ctx) => ctx.mount !== constants.prefix,
	errorBody: (status) =>
		status === 429
			? {
					message: 'Too Many Requests',
					documentation_url: 'https://developer.xurrent.com/v1/#rate-limiting',
				}
			: { message: STATUS_TEXT[status] ?? 'Internal Server Error' },
	invalidJson: () => message(400, 'Invalid JSON string posted'),
};

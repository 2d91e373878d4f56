'use strict';
// Smartsheet Resource Management API v1, assignments (reference: vendors-kantata-smartsheet-rm.md
// §2, seed 003).

const { json, empty, bool, whole } = require('../../lib/http');
const { isoUtc, isDate } = require('../../lib/time');
const constants = require('../../constants').rm;
const { seedRm, setAllocation, COMPANIONS } = require('./seed');
const { handleWebhooks, notify } = require('./webhooks');

const MAX_PER_PAGE = 1000;
const notFound = () => json(404, { message: 'not found' });
/** Validation failures answer 403 "bad data" with plain-string reasons (recorded 2017 responses). */
const badData = (errors) => json(403, { message: 'bad data', errors });

function authenticate(ctx) {
	const token = ctx.headers.auth ?? ctx.query.auth;
	return { present: token !== undefined, valid: token === constants.apiToken };
}

// ---------------------------------------------------------------- scopes

/**
 * The scope a path names: all, one user, one project, or one placeholder. A placeholder is
 * documented under /placeholder_resources only, so /users/<placeholder id> is not found.
 */
function scopeOf(state, kind, rawId) {
	const id = Number(rawId);
	if (kind === 'users') {
		if (!state.users.has(id)) return undefined;
		return { kind, id, param: 'user_id', path: `/users/${id}`, has: (a) => a.user_id === id };
	}
	if (kind === 'placeholder_resources') {
		if (!state.placeholders.has(id)) return undefined;
		return {
			kind,
			id,
			param: 'user_id',
			path: `/placeholder_resources/${id}`,
			has: (a) => a.user_id === id,
		};
	}
	if (kind === 'projects') {
		if (!state.projects.has(id)) return undefined;
		const phases = (a) => state.projects.get(a.assignable_id)?.parent_id === id;
		return {
			kind,
			id,
			param: 'assignable_id',
			path: `/projects/${id}`,
			has: (a) => a.assignable_id === id,
			phases,
		};
	}
	return { kind: 'all', path: '', has: () => true };
}

// ---------------------------------------------------------------- reading

/**
 * `{data, paging}`; links are relative paths with the scope written into the query. With the
 * `strippedNextLinks` quirk they are as recorded from the real API
 * (`/api/v1/projects/183760/assignments?assignable_id=183760&page=1`): the scope and the page
 * only, without per_page or the filters the client sent.
 */
function page(ctx, records, basePath, params) {
	const perPage = Math.min(MAX_PER_PAGE, Math.max(1, whole(ctx.query.per_page) ?? 20));
	const number = Math.max(1, whole(ctx.query.page) ?? 1);
	const from = (number - 1) * perPage;
	const stripped = ctx.quirks?.strippedNextLinks === true;
	const link = (p) => {
		const kept = stripped ? { ...params.scope } : { ...params.scope, ...params.filters };
		const qs = new URLSearchParams({
			...kept,
			...(stripped ? {} : { per_page: String(perPage) }),
			page: String(p),
		});
		return `${ctx.prefix}${basePath}?${qs}`;
	};
	return json(200, {
		data: records.slice(from, from + perPage),
		paging: {
			per_page: perPage,
			page: number,
			previous: number > 1 ? link(number - 1) : null,
			self: link(number),
			next: from + perPage < records.length ? link(number + 1) : null,
		},
	});
}

function listAssignments(ctx, scope) {
	const { state, query } = ctx;
	const problems = [];
	for (const key of ['from', 'to']) {
		if (query[key] !== undefined && !isDate(query[key]))
			problems.push(`${key} must be a date (YYYY-MM-DD)`);
	}
	if (problems.length) return badData(problems);
	const withPhases = bool(query.with_phases) === true;
	const records = [];
	for (const a of state.assignments.values()) {
		if (!scope.has(a) && !(withPhases && scope.phases?.(a))) continue;
		// Overlap: "assignments that end after this date" / "that start before this date".
		if (query.from && a.ends_at < query.from) continue;
		if (query.to && a.starts_at > query.to) continue;
		records.push(a);
	}
	const params = { scope: {}, filters: {} };
	if (scope.param) params.scope[scope.param] = String(scope.id);
	for (const key of ['from', 'to', 'with_phases'])
		if (query[key] !== undefined) params.filters[key] = query[key];
	return page(ctx, records, `${scope.path}/assignments`, params);
}

// ---------------------------------------------------------------- writing

const number = (value) =>
	value === undefined || value === null || value === '' ? undefined : Number(value);

/** Checks and applies the updatable fields to a draft; returns the reasons it is bad data. */
function applyFields(state, draft, params) {
	const problems = [];
	for (const key of ['starts_at', 'ends_at']) {
		if (params[key] !== undefined) {
			if (isDate(String(params[key]))) draft[key] = String(params[key]);
			else problems.push(`${key.replace('_', ' ')} is invalid`);
		}
	}
	if (!draft.starts_at) problems.push("Starts at can't be blank");
	if (!draft.ends_at) problems.push("Ends at can't be blank");
	if (draft.starts_at && draft.ends_at && draft.ends_at < draft.starts_at)
		problems.push('Ends at must be on or after starts at');
	const mode = params.allocation_mode ?? draft.allocation_mode ?? 'percent';
	if (!COMPANIONS[mode]) problems.push('Allocation mode is not included in the list');
	else {
		const values = {};
		for (const key of ['percent', 'hours_per_day', 'fixed_hours']) {
			const value = number(params[key]);
			if (value === undefined) continue;
			if (!Number.isFinite(value) || value <= 0)
				problems.push(`${key.replace(/_/g, ' ')} must be greater than 0`);
			else if (key === 'hours_per_day' && value > 24)
				problems.push('hours per day must be 24 or less');
			else values[key] = value;
		}
		const companion = COMPANIONS[mode];
		if (values[companion] === undefined && draft.allocation_mode !== mode && mode !== 'percent') {
			problems.push(`${companion.replace(/_/g, ' ')} can't be blank`);
		}
		if (!problems.length) setAllocation(draft, mode, values);
	}
	if (
		params.status_option_id !== undefined &&
		params.status_option_id !== null &&
		params.status_option_id !== ''
	) {
		const id = whole(String(params.status_option_id));
		if (!state.statusOptions.has(id)) problems.push('invalid status_option_id');
		else draft.status_option_id = id;
	}
	for (const key of ['description', 'note'])
		if (params[key] !== undefined) draft[key] = params[key] === null ? null : String(params[key]);
	return problems;
}

function create(ctx, scope) {
	const { state } = ctx;
	const params = { ...ctx.query, ...(typeof ctx.body === 'object' && ctx.body ? ctx.body : {}) };
	delete params.auth;
	const problems = [];
	let userId = null;
	if (scope.kind === 'users' || scope.kind === 'placeholder_resources') userId = scope.id;
	else if (params.user_id !== undefined && params.user_id !== null && params.user_id !== '') {
		userId = whole(String(params.user_id));
		if (!state.users.has(userId) && !state.placeholders.has(userId))
			problems.push('invalid user_id');
	} else if (scope.kind === 'projects') problems.push("user_id can't be blank");
	let assignableId;
	if (scope.kind === 'projects') assignableId = scope.id;
	else {
		const raw = params.assignable_id ?? params.leave_id ?? params.project_id;
		assignableId = raw === undefined || raw === null || raw === '' ? undefined : whole(String(raw));
		if (assignableId === undefined) problems.push("assignable_id can't be blank");
		else if (!state.projects.has(assignableId) && !state.leaveTypes.has(assignableId))
			problems.push('invalid assignable_id');
	}
	const project = state.projects.get(assignableId);
	const now = isoUtc(Date.now());
	const draft = {
		id: state.next.assignment,
		user_id: userId,
		assignable_id: assignableId ?? null,
		starts_at: undefined,
		ends_at: undefined,
		bill_rate: project ? project.bill_rate : null,
		bill_rate_id: project ? 319904 + (assignableId % 1000) : null,
		repetition_id: null,
		created_at: now,
		updated_at: now,
		all_day_assignment: true,
		resource_request_id: null,
		status: null,
		status_option_id: null,
		description: null,
		note: null,
	};
	problems.push(...applyFields(state, draft, params));
	const subtasks = params.subtasks;
	if (subtasks !== undefined && (scope.kind !== 'all' || !Array.isArray(subtasks)))
		problems.push('subtasks must be a list');
	else if (Array.isArray(subtasks) && subtasks.some((s) => !s || !s.description))
		problems.push("Subtask description can't be blank");
	if (problems.length) return badData(problems);
	state.next.assignment += 1;
	state.assignments.set(draft.id, draft);
	notify(state, 'assignment.created', draft);
	if (!Array.isArray(subtasks)) return json(200, draft);
	// The subtasks variant is documented as answering wrapped in `data`, with a nested collection.
	const nested = subtasks.map((s) => ({
		id: state.next.subtask++,
		assignment_id: draft.id,
		assignable_id: draft.assignable_id,
		description: String(s.description),
		completed: bool(s.completed) === true,
		updated_at: now,
		created_at: now,
		updated_by: scope.id ?? null,
	}));
	const self = `${ctx.prefix}/assignments/${draft.id}/subtasks?per_page=20&page=1`;
	return json(200, {
		data: [
			{
				...draft,
				subtasks: {
					paging: { self, next: null, previous: null, page: 1, per_page: 20 },
					data: nested,
				},
			},
		],
	});
}

function update(ctx, record) {
	const params = { ...ctx.query, ...(typeof ctx.body === 'object' && ctx.body ? ctx.body : {}) };
	const draft = { ...record };
	const problems = applyFields(ctx.state, draft, params);
	if (problems.length) return badData(problems);
	draft.updated_at = isoUtc(Date.now());
	// The docs: a new assignee is reported as deleted + created, not as an update.
	const reassigned = draft.user_id !== record.user_id;
	for (const key of Object.keys(record)) delete record[key];
	Object.assign(record, draft);
	notify(ctx.state, reassigned ? 'assignment.created' : 'assignment.updated', record);
	return json(200, record);
}

// ---------------------------------------------------------------- routing

/**
 * Which scopes serve one assignment, per method, as documented: show through all, users and
 * projects; update through all (users and projects recorded too) and placeholders ("made,
 * updated, and removed" through placeholder_resources); delete only scoped ("Remove an
 * Assignment for a User", the same on projects, and placeholders). Anything else is not found.
 */
const SINGLE_ROUTES = {
	GET: ['all', 'users', 'projects'],
	PUT: ['all', 'users', 'projects', 'placeholder_resources'],
	DELETE: ['users', 'projects', 'placeholder_resources'],
};
const documented = (method, kind) => SINGLE_ROUTES[method]?.includes(kind) ?? false;

function collection(ctx, map, basePath) {
	if (ctx.method !== 'GET') return notFound();
	return page(ctx, [...map.values()], basePath, { scope: {}, filters: {} });
}

function handle(ctx) {
	const { state, method } = ctx;
	if (!ctx.auth.valid) return json(401, { message: 'Unauthorized' });
	const parts = ctx.path.split('/').filter(Boolean);
	if (parts[0] === 'webhooks') return handleWebhooks(ctx, parts);
	// /assignments[/:id] or /{users|projects|placeholder_resources}/:scope/assignments[/:id]
	let scope;
	let rest = parts;
	if (
		['users', 'projects', 'placeholder_resources'].includes(parts[0]) &&
		parts[2] === 'assignments'
	) {
		scope = scopeOf(state, parts[0], parts[1]);
		if (!scope || !/^\d+$/.test(parts[1])) return notFound();
		rest = parts.slice(2);
	} else if (parts[0] === 'assignments') {
		scope = scopeOf(state, 'all');
	}
	if (scope && rest[0] === 'assignments') {
		if (rest.length === 1) {
			if (method === 'GET') return listAssignments(ctx, scope);
			if (method === 'POST') return create(ctx, scope);
			return notFound();
		}
		if (rest.length !== 2) return notFound();
		const record = state.assignments.get(Number(rest[1]));
		if (!/^\d+$/.test(rest[1]) || !record || !(scope.has(record) || scope.phases?.(record)))
			return notFound();
		if (!documented(method, scope.kind)) return notFound();
		if (method === 'GET') return json(200, record);
		if (method === 'PUT') return update(ctx, record);
		if (method === 'DELETE') {
			state.assignments.delete(record.id);
			return empty(200);
		}
		return notFound();
	}
	const tables = {
		users: state.users,
		projects: state.projects,
		placeholder_resources: state.placeholders,
		leave_types: state.leaveTypes,
		status_options: state.statusOptions,
	};
	const table = tables[parts[0]];
	if (table && parts.length === 1) return collection(ctx, table, `/${parts[0]}`);
	if (table && parts.length === 2 && method === 'GET') {
		const found = table.get(Number(parts[1]));
		return found ? json(200, found) : notFound();
	}
	return notFound();
}

module.exports = {
	name: 'rm',
	prefix: constants.prefix,
	seed: seedRm,
	authenticate,
	handle,
	/** No numbers are published; 120 is the documentation's example value. */
	defaultRateLimit: { limit: 120, windowSeconds: 60 },
	rateLimitHeaders: (info) => ({
		'X-RateLimit-Limit': String(info.limit),
		'X-RateLimit-Remaining': String(info.remaining),
		'X-RateLimit-Reset': String(info.resetEpochSeconds),
	}),
	// The docs describe waiting for X-RateLimit-Reset; they mention no Retry-After.
	retryAfterOn429: false,
	errorBody: (status) => ({
		message:
			status === 429
				? 'Too Many Requests'
				: status === 500
					? 'internal error'
					: 'service unavailable',
	}),
	invalidJson: () => json(400, { message: 'The request body had invalid json' }),
};

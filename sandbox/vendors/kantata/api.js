'use strict';
// Kantata OX REST API v1, assignments (reference: vendors-kantata-smartsheet-rm.md §1, seeds 000/001).

const { json, empty, bool, whole } = require('../../lib/http');
const constants = require('../../constants').kantata;
const { seedKantata, allocationDays, externalReference, stamp } = require('./seed');
const { lookup } = require('./lookups');

const ORDERS = ['created_at:asc', 'created_at:desc', 'updated_at:asc', 'updated_at:desc'];
const INCLUDES = ['assignee', 'story', 'story_allocation_days', 'external_references'];
const MAX_PER_PAGE = 200;

/** Kantata's error envelope: `{"errors":[{"type","message","field"?}]}`. */
const errors = (status, type, message, field) =>
	json(status, { errors: [{ type, message, ...(field ? { field } : {}) }] });
const notFound = () => errors(404, 'system', 'Not found');
const validation = (message, field) => errors(422, 'validation', message, field);
const syntax = (message) => errors(400, 'syntax', message);

function authenticate(ctx) {
	const header = ctx.headers.authorization;
	const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
	return {
		present: Boolean(header),
		valid: Boolean(match) && match[1].trim() === constants.accessToken,
	};
}

// ---------------------------------------------------------------- reading

/** The filter part of a list query, with Kantata's defaults applied; or an error response. */
function readFilters(query) {
	const f = {
		inUnarchivedWorkspaces: bool(query.in_unarchived_workspaces) ?? true,
		inUnarchivedStories: bool(query.in_unarchived_stories) ?? true,
		includeUnnamed: bool(query.include_unnamed) ?? false,
		current: bool(query.current) === true,
		uncurrent: bool(query.uncurrent) === true,
		plannable: bool(query.plannable) === true,
		hasExternalReferences: bool(query.has_external_references),
	};
	for (const key of ['assignee_id', 'story_id', 'workspace_id', 'resource_id']) {
		if (query[key] !== undefined && query[key] !== '') f[key] = String(query[key]).trim();
	}
	for (const key of ['created_after', 'created_before', 'updated_after', 'updated_before']) {
		if (query[key] === undefined || query[key] === '') continue;
		const ms = Date.parse(query[key]);
		if (Number.isNaN(ms)) return { error: syntax(`${key} must be a date-time in ISO 8601 format`) };
		f[key] = ms;
	}
	if (query.only !== undefined)
		f.only = new Set(
			String(query.only)
				.split(',')
				.map((id) => id.trim()),
		);
	for (const key of [
		'external_reference_service_name',
		'external_reference_service_model',
		'external_reference_service_model_ref',
		'external_reference_status',
		'external_reference_external_status',
		'external_reference_external_message',
		'without_external_reference_service_name',
	]) {
		if (query[key] !== undefined && query[key] !== '') f[key] = String(query[key]);
	}
	if (query.external_reference_service_model_refs) {
		f.refs = new Set(
			String(query.external_reference_service_model_refs)
				.split(',')
				.map((r) => r.trim()),
		);
	}
	return { filters: f };
}

function matches(state, a, f) {
	const story = state.stories.get(a.story_id);
	const workspace = state.workspaces.get(story.workspace_id);
	const resource = state.resources.get(String(a.resource_id));
	if (f.inUnarchivedWorkspaces && workspace.archived) return false;
	if (f.inUnarchivedStories && story.archived) return false;
	if (!f.includeUnnamed && resource.user_id === null) return false;
	if (f.only && !f.only.has(a.id)) return false;
	if (f.assignee_id !== undefined && a.assignee_id !== f.assignee_id) return false;
	if (f.story_id !== undefined && a.story_id !== f.story_id) return false;
	if (f.workspace_id !== undefined && story.workspace_id !== f.workspace_id) return false;
	if (f.resource_id !== undefined && String(a.resource_id) !== f.resource_id) return false;
	// Plannable: the sandbox treats every active assignment as one the admin can schedule.
	if ((f.current || f.plannable) && !a.current) return false;
	if (f.uncurrent && a.current) return false;
	const created = Date.parse(a.created_at);
	const updated = Date.parse(a.updated_at);
	if (f.created_after !== undefined && !(created > f.created_after)) return false;
	if (f.created_before !== undefined && !(created < f.created_before)) return false;
	if (f.updated_after !== undefined && !(updated > f.updated_after)) return false;
	if (f.updated_before !== undefined && !(updated < f.updated_before)) return false;
	return matchesReferences(state, a, f);
}

function matchesReferences(state, a, f) {
	const refs = (state.refsByAssignment.get(a.id) ?? []).map((id) =>
		state.externalReferences.get(id),
	);
	if (f.hasExternalReferences === true && refs.length === 0) return false;
	if (f.hasExternalReferences === false && refs.length > 0) return false;
	if (
		f.without_external_reference_service_name &&
		refs.some((r) => r.service_name === f.without_external_reference_service_name)
	) {
		return false;
	}
	const wanted = [
		['external_reference_service_name', 'service_name'],
		['external_reference_service_model', 'service_model'],
		['external_reference_service_model_ref', 'service_model_ref'],
		['external_reference_status', 'status'],
		['external_reference_external_status', 'external_status'],
		['external_reference_external_message', 'external_message'],
	].filter(([key]) => f[key] !== undefined);
	if (wanted.length === 0 && !f.refs) return true;
	return refs.some(
		(r) =>
			wanted.every(([key, field]) => String(r[field]) === f[key]) &&
			(!f.refs || f.refs.has(r.service_model_ref)),
	);
}

/** IDs matching a query, in the requested order. Cached per query until the data changes. */
function select(state, filters, order) {
	const key = `${state.version}|${order}|${JSON.stringify(filters, (k, v) => (v instanceof Set ? [...v] : v))}`;
	state.cache ??= new Map();
	const hit = state.cache.get(key);
	if (hit) return hit;
	const [field, direction] = order.split(':');
	const ids = state.order.filter((id) => matches(state, state.assignments.get(id), filters));
	if (field === 'updated_at') {
		const time = (id) => Date.parse(state.assignments.get(id).updated_at);
		ids.sort((x, y) => time(x) - time(y) || Number(x) - Number(y));
	}
	// state.order is creation order, which is created_at ascending.
	if (direction === 'desc') ids.reverse();
	if (state.cache.size >= 16) state.cache.delete(state.cache.keys().next().value);
	state.cache.set(key, ids);
	return ids;
}

function readIncludes(query) {
	if (!query.include) return { include: [] };
	const include = String(query.include)
		.split(',')
		.map((i) => i.trim())
		.filter(Boolean);
	const unknown = include.find((i) => !INCLUDES.includes(i));
	if (unknown) return { error: syntax(`${unknown} is not a valid include for assignments`) };
	if (include.includes('story_allocation_days') && bool(query.plannable) !== true) {
		return {
			error: syntax(
				'The plannable filter must be set to true when including story_allocation_days',
			),
		};
	}
	return { include };
}

/** The standard envelope: results in order, records keyed by ID, included records beside them. */
function envelope(state, ids, include, counts) {
	const body = {
		count: counts.count,
		meta: counts.meta,
		results: ids.map((id) => ({ key: 'assignments', id })),
	};
	if (ids.length === 0) return body;
	body.assignments = {};
	const users = {};
	const stories = {};
	const days = {};
	const refs = {};
	for (const id of ids) {
		const a = { ...state.assignments.get(id) };
		if (include.includes('assignee') && a.assignee_id)
			users[a.assignee_id] = state.users.get(a.assignee_id);
		if (include.includes('story')) stories[a.story_id] = state.stories.get(a.story_id);
		if (include.includes('story_allocation_days')) {
			const list = allocationDays(a, state.stories, Number(a.id) < state.firstCreatedId);
			a.story_allocation_day_ids = list.map((d) => d.id);
			for (const d of list) days[d.id] = d;
		}
		if (include.includes('external_references')) {
			a.external_reference_ids = state.refsByAssignment.get(id) ?? [];
			for (const refId of a.external_reference_ids)
				refs[refId] = state.externalReferences.get(refId);
		}
		body.assignments[id] = a;
	}
	if (include.includes('assignee')) body.users = users;
	if (include.includes('story')) body.stories = stories;
	if (include.includes('story_allocation_days')) body.story_allocation_days = days;
	if (include.includes('external_references')) body.external_references = refs;
	return body;
}

function list(ctx) {
	const { state, query } = ctx;
	const order = query.order ?? 'created_at:desc';
	if (!ORDERS.includes(order)) return syntax(`order must be one of ${ORDERS.join(', ')}`);
	const { filters, error } = readFilters(query);
	if (error) return error;
	const inc = readIncludes(query);
	if (inc.error) return inc.error;
	const ids = select(state, filters, order);
	let from;
	let size;
	let pageNumber;
	const limit = whole(query.limit);
	const offset = whole(query.offset);
	if (limit !== undefined && offset !== undefined) {
		// "If both limit and offset are passed then page and per_page are ignored."
		size = Math.max(1, limit);
		from = Math.max(0, offset);
		pageNumber = Math.floor(from / size) + 1;
	} else {
		// Undocumented above the cap: the sandbox clamps to 200, which meta.page_size then shows.
		size = Math.min(MAX_PER_PAGE, Math.max(1, whole(query.per_page) ?? 20));
		pageNumber = Math.max(1, whole(query.page) ?? 1);
		from = (pageNumber - 1) * size;
	}
	const meta = {
		count: ids.length,
		page_count: Math.ceil(ids.length / size),
		page_number: pageNumber,
		page_size: size,
	};
	return json(
		200,
		envelope(state, ids.slice(from, from + size), inc.include, { count: ids.length, meta }),
	);
}

function single(state, id, include) {
	const meta = { count: 1, page_count: 1, page_number: 1, page_size: 20 };
	return json(200, envelope(state, [id], include, { count: 1, meta }));
}

function show(ctx, id) {
	const { state, query } = ctx;
	// Default filters apply to show routes too: an assignment in an archived project answers 404.
	const { filters, error } = readFilters(query);
	if (error) return error;
	const a = state.assignments.get(id);
	if (!a || !matches(state, a, { ...filters, current: false, uncurrent: false, plannable: false }))
		return notFound();
	const inc = readIncludes(query);
	if (inc.error) return inc.error;
	return single(state, id, inc.include);
}

function me(ctx) {
	const user = ctx.state.users.get(ctx.state.fixtures.meUserId);
	return json(200, {
		count: 1,
		meta: { count: 1, page_count: 1, page_number: 1, page_size: 20 },
		results: [{ key: 'users', id: user.id }],
		users: { [user.id]: user },
	});
}

// ---------------------------------------------------------------- writing

/** Validates and applies assignee/resource/current/estimate/reference fields; returns errors. */
function applyFields(state, record, fields, story, isCreate) {
	const problems = [];
	const assigneeId =
		fields.assignee_id === undefined || fields.assignee_id === null
			? undefined
			: whole(fields.assignee_id);
	const resourceId =
		fields.resource_id === undefined || fields.resource_id === null
			? undefined
			: whole(fields.resource_id);
	if (fields.assignee_id !== undefined && fields.assignee_id !== null && assigneeId === undefined) {
		problems.push(['assignee_id', 'Assignee must be a user ID']);
	}
	if (fields.resource_id !== undefined && fields.resource_id !== null && resourceId === undefined) {
		problems.push(['resource_id', 'Resource must be a resource ID']);
	}
	let resource;
	// "If both are provided, resource_id overrides assignee_id."
	if (resourceId !== undefined) {
		resource = state.resources.get(String(resourceId));
		if (!resource) problems.push(['resource_id', 'Resource does not exist']);
		else if (resource.workspace_id !== story.workspace_id)
			problems.push(['resource_id', 'Resource must belong to the project of the task']);
	} else if (assigneeId !== undefined) {
		if (!state.users.get(String(assigneeId))) problems.push(['assignee_id', 'User does not exist']);
		else {
			resource = [...state.resources.values()].find(
				(r) => r.workspace_id === story.workspace_id && r.user_id === String(assigneeId),
			);
			if (!resource) problems.push(['assignee_id', 'User must be a participant of the project']);
		}
	} else if (isCreate) {
		problems.push(['assignee_id', 'Please select a user or resource to assign']);
	}
	if (fields.current !== undefined && bool(fields.current) === undefined)
		problems.push(['current', 'Current must be true or false']);
	let minutes;
	if (fields.estimated_minutes !== undefined && fields.estimated_minutes !== null) {
		minutes = whole(fields.estimated_minutes);
		if (minutes === undefined || minutes < 0)
			problems.push([
				'estimated_minutes',
				'Estimated minutes must be a whole number of minutes, 0 or more',
			]);
	}
	const reference = fields.external_reference;
	if (reference !== undefined) {
		for (const key of ['service_name', 'service_model', 'service_model_ref']) {
			if (!reference || reference[key] === undefined || reference[key] === '') {
				problems.push([`external_reference.${key}`, `External reference ${key} can't be blank`]);
			}
		}
	}
	if (resource && (isCreate || String(record.resource_id) !== resource.id)) {
		const duplicate = [...state.assignments.values()].some(
			(a) =>
				a.id !== record.id &&
				a.current &&
				a.story_id === story.id &&
				String(a.resource_id) === resource.id,
		);
		if (duplicate) problems.push(['resource_id', 'Resource is already assigned to this task']);
	}
	if (problems.length) return problems;
	const now = stamp(Date.now());
	if (resource) {
		record.assignee_id = resource.user_id;
		record.resource_id = Number(resource.id);
	}
	if (fields.current !== undefined) record.current = bool(fields.current);
	if (minutes !== undefined) record.estimated_minutes = minutes;
	record.updated_at = now;
	if (reference !== undefined) upsertReference(state, record, reference);
	return [];
}

function upsertReference(state, record, reference) {
	const ids = state.refsByAssignment.get(record.id) ?? [];
	const existing = ids
		.map((id) => state.externalReferences.get(id))
		.find((r) => r.service_name === reference.service_name);
	const id = existing ? existing.id : String(state.next.externalReference++);
	state.externalReferences.set(id, externalReference(id, record, reference));
	if (!existing) state.refsByAssignment.set(record.id, [...ids, id]);
}

const validationErrors = (problems) =>
	json(422, {
		errors: problems.map(([field, message]) => ({ type: 'validation', message, field })),
	});

function assignmentFields(body) {
	const fields = body && typeof body === 'object' ? body.assignment : undefined;
	return fields && typeof fields === 'object' && !Array.isArray(fields) ? fields : undefined;
}

const missingParameters = () =>
	syntax(
		'Missing required parameters. Please see our documentation at http://developer.mavenlink.com',
	);

function create(ctx) {
	const { state } = ctx;
	const fields = assignmentFields(ctx.body);
	if (!fields) return missingParameters();
	const inc = readIncludes(ctx.query);
	if (inc.error) return inc.error;
	const storyId = whole(fields.story_id);
	const story = storyId === undefined ? undefined : state.stories.get(String(storyId));
	if (!story)
		return validationErrors([
			['story_id', fields.story_id === undefined ? "Story can't be blank" : 'Story does not exist'],
		]);
	const now = stamp(Date.now());
	const record = {
		id: String(state.next.assignment),
		story_id: story.id,
		assignee_id: null,
		resource_id: null,
		current: true,
		estimated_minutes: null,
		allocated_minutes: 0,
		created_at: now,
		updated_at: now,
	};
	const problems = applyFields(state, record, fields, story, true);
	if (problems.length) return validationErrors(problems);
	state.next.assignment += 1;
	state.assignments.set(record.id, record);
	state.order.push(record.id);
	state.version += 1;
	return single(state, record.id, inc.include);
}

function update(ctx, id) {
	const { state } = ctx;
	const record = state.assignments.get(id);
	if (!record) return notFound();
	const fields = assignmentFields(ctx.body);
	if (!fields) return missingParameters();
	const inc = readIncludes(ctx.query);
	if (inc.error) return inc.error;
	// story_id is not updatable; like Rails' strong parameters the API ignores it.
	const draft = { ...record };
	const problems = applyFields(state, draft, fields, state.stories.get(record.story_id), false);
	if (problems.length) return validationErrors(problems);
	Object.assign(record, draft);
	state.version += 1;
	return single(state, id, inc.include);
}

function remove(ctx, id) {
	const { state } = ctx;
	const record = state.assignments.get(id);
	if (!record) return notFound();
	// Soft delete: "The assignment is soft deleted by setting the current field to false."
	record.current = false;
	record.updated_at = stamp(Date.now());
	state.version += 1;
	return empty(204);
}

// ---------------------------------------------------------------- routing

const documentationPage = () => ({
	status: 200,
	headers: { 'content-type': 'text/html; charset=utf-8' },
	text: '<!doctype html><title>Kantata OX API</title><h1>Kantata OX API documentation</h1>',
});

function handle(ctx) {
	let path = ctx.path;
	if (path === '/documentation.html') return documentationPage();
	if (!path.endsWith('.json')) {
		// Vendor examples always use .json; without it a client sending Accept: application/json
		// still gets JSON (the official gem does this), anything else is sent to the HTML docs.
		if (!String(ctx.headers.accept ?? '').includes('application/json')) {
			return { status: 302, headers: { location: `${ctx.prefix}/documentation.html` }, text: '' };
		}
	} else {
		path = path.slice(0, -'.json'.length);
	}
	if (!ctx.auth.valid) return errors(401, 'oauth', 'Invalid OAuth 2 Request');
	if (path === '/users/me' && ctx.method === 'GET') return me(ctx);
	const lookedUp = lookup(ctx, path);
	if (lookedUp) return lookedUp;
	if (path === '/assignments') {
		if (ctx.method === 'GET') return list(ctx);
		if (ctx.method === 'POST') return create(ctx);
		return notFound();
	}
	const match = /^\/assignments\/([^/]+)$/.exec(path);
	if (match) {
		const id = /^\d+$/.test(match[1]) ? match[1] : '';
		if (ctx.method === 'GET') return show(ctx, id);
		if (ctx.method === 'PUT' || ctx.method === 'PATCH') return update(ctx, id);
		if (ctx.method === 'DELETE') return remove(ctx, id);
	}
	return notFound();
}

module.exports = {
	name: 'kantata',
	prefix: constants.prefix,
	seed: seedKantata,
	authenticate,
	handle,
	defaultRateLimit: null,
	rateLimitHeaders: () => ({}),
	/** Kantata documents 429 and 503 but no bodies or headers for them; these bodies are guesses. */
	errorBody: (status) => ({
		errors: [
			{ type: 'system', message: status === 429 ? 'Too Many Requests' : 'Service Unavailable' },
		],
	}),
	invalidJson: () => syntax('The request body could not be parsed as JSON'),
};

'use strict';
// Paymo API, task assignments `/api/userstasks` (reference: vendors-xurrent-paymo.md §2, seed 004).

const { lookup } = require('./lookups');
const { json, empty, whole } = require('../../lib/http');
const { isoUtc } = require('../../lib/time');
const constants = require('../../constants').paymo;
const { seedPaymo } = require('./seed');
const { parseWhere, matchesWhere } = require('./where');

const FIELDS = {
	id: 'number',
	user_id: 'number',
	task_id: 'number',
	created_on: 'time',
	updated_on: 'time',
};
const INCLUDES = { user: 'users', task: 'tasks' };
const message = (status, text) => json(status, { message: text });
const notFound = () => message(404, 'Not found');

function authenticate(ctx) {
	const header = ctx.headers.authorization;
	const basic = /^Basic\s+(.+)$/i.exec(header ?? '');
	// "provide the API Key as the username and any text for the password".
	const user = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] : undefined;
	return { present: Boolean(header), valid: user === constants.apiKey };
}

/** `include=user,task` or partial `include=task.name,user.email`: nested parent objects. */
function readInclude(text) {
	if (!text) return { include: {} };
	const include = {};
	for (const item of String(text)
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)) {
		const [key, field] = item.split('.');
		if (!INCLUDES[key]) return { error: message(400, `Unknown field or reference: ${key}`) };
		if (field === undefined) include[key] = true;
		else if (include[key] !== true) include[key] = [...(include[key] || []), field];
	}
	return { include };
}

function present(state, record, include) {
	const out = { ...record };
	for (const [key, fields] of Object.entries(include)) {
		const related = state[INCLUDES[key]].get(record[`${key}_id`]);
		if (!related) continue;
		out[key] =
			fields === true
				? { ...related }
				: Object.fromEntries([['id', related.id], ...fields.map((f) => [f, related[f]])]);
	}
	return out;
}

/**
 * The records a `where` matches, cached until the data changes: a Return All over 100,000
 * assignments would otherwise scan the whole store for every page, and the sandbox, not the
 * client, would set the pace of a benchmark.
 */
function matching(state, where, conditions) {
	const key = `${state.version ?? 0}|${where}`;
	state.cache ??= new Map();
	let records = state.cache.get(key);
	if (!records) {
		records = [...state.userstasks.values()].filter((r) => matchesWhere(r, conditions, FIELDS));
		if (state.cache.size >= 16) state.cache.delete(state.cache.keys().next().value);
		state.cache.set(key, records);
	}
	return records;
}

const changed = (state) => {
	state.version = (state.version ?? 0) + 1;
};

function list(ctx) {
	const { state, query } = ctx;
	if (!query.where)
		return message(400, 'You have to specify at least one where condition: user_id or task_id');
	const parsed = parseWhere(query.where, FIELDS);
	if (parsed.error) return message(400, parsed.error);
	if (!parsed.conditions.some((c) => c.field === 'user_id' || c.field === 'task_id')) {
		return message(400, 'You have to specify at least one where condition: user_id or task_id');
	}
	const inc = readInclude(query.include);
	if (inc.error) return inc.error;
	let records = matching(state, query.where, parsed.conditions);
	// Undocumented, confirmed by Paymo: 0-based `page` with `page_size`, both required, no metadata.
	const page = whole(query.page);
	const size = whole(query.page_size);
	if (page !== undefined && size !== undefined && page >= 0 && size > 0)
		records = records.slice(page * size, page * size + size);
	return json(200, { userstasks: records.map((r) => present(state, r, inc.include)) });
}

/** Checks user_id/task_id of a create or update; returns an error response or the values. */
function readPair(state, body, current) {
	const values = { user_id: current?.user_id, task_id: current?.task_id };
	for (const key of ['user_id', 'task_id']) {
		if (body[key] === undefined) continue;
		const id = whole(typeof body[key] === 'number' ? body[key] : String(body[key]));
		const table = key === 'user_id' ? state.users : state.tasks;
		if (id === undefined || !table.has(id))
			return { error: message(400, `Invalid value for ${key}: ${body[key]}`) };
		values[key] = id;
	}
	for (const key of ['user_id', 'task_id'])
		if (values[key] === undefined) return { error: message(400, `Missing required field: ${key}`) };
	const duplicate = [...state.userstasks.values()].some(
		(r) => r.id !== current?.id && r.user_id === values.user_id && r.task_id === values.task_id,
	);
	if (duplicate) return { error: message(400, 'The user is already assigned to this task') };
	return { values };
}

function create(ctx) {
	const { state } = ctx;
	const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
	const { values, error } = readPair(state, body);
	if (error) return error;
	const now = isoUtc(Date.now());
	const record = { id: state.next.userstask++, ...values, created_on: now, updated_on: now };
	state.userstasks.set(record.id, record);
	changed(state);
	const location = `${ctx.origin}${ctx.prefix}/userstasks/${record.id}`;
	return json(201, { userstasks: [record] }, { Location: location });
}

function update(ctx, record) {
	const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
	const { values, error } = readPair(ctx.state, body, record);
	if (error) return error;
	Object.assign(record, values, { updated_on: isoUtc(Date.now()) });
	changed(ctx.state);
	return json(200, { userstasks: [record] });
}

function handle(ctx) {
	const { state, method } = ctx;
	if (!ctx.auth.valid) return message(401, 'Unauthorized');
	// "Accepted verbs: GET, POST, PUT, DELETE" — no PATCH.
	if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) return message(405, 'Method not allowed');
	const parts = ctx.path.split('/').filter(Boolean);
	if (parts[0] === 'me' && parts.length === 1 && method === 'GET')
		return json(200, { users: [state.users.get(state.fixtures.meUserId)] });
	if ((parts[0] === 'users' || parts[0] === 'tasks') && method === 'GET') {
		if (parts.length === 1) return lookup(ctx, parts[0]);
		const table = state[parts[0]];
		if (parts.length === 1) return json(200, { [parts[0]]: [...table.values()] });
		const found = table.get(whole(parts[1]));
		return found && parts.length === 2 ? json(200, { [parts[0]]: [found] }) : notFound();
	}
	if (parts[0] !== 'userstasks' || parts.length > 2) return notFound();
	if (parts.length === 1) {
		if (method === 'GET') return list(ctx);
		if (method === 'POST') return create(ctx);
		return notFound();
	}
	const record = state.userstasks.get(whole(parts[1]));
	if (!record || !/^\d+$/.test(parts[1])) return notFound();
	if (method === 'GET') {
		const inc = readInclude(ctx.query.include);
		if (inc.error) return inc.error;
		return json(200, { userstasks: [present(state, record, inc.include)] });
	}
	// "To update an existing task assignment, make a POST or PUT request".
	if (method === 'POST' || method === 'PUT') return update(ctx, record);
	state.userstasks.delete(record.id);
	changed(state);
	return empty(200);
}

module.exports = {
	name: 'paymo',
	prefix: constants.prefix,
	seed: seedPaymo,
	authenticate,
	handle,
	/** "The Paymo API allows 5 requests per 5 seconds per API key" (PHP SDK); the API key is one. */
	defaultRateLimit: { limit: 5, windowSeconds: 5 },
	rateLimitHeaders: (info) => ({
		'X-Ratelimit-Limit': String(info.limit),
		'X-Ratelimit-Remaining': String(info.remaining),
		'X-Ratelimit-Decay-Period': String(info.windowSeconds),
	}),
	retryAfterOn429: true,
	errorBody: (status) => ({
		message: status === 429 ? 'Too Many Requests' : 'Internal server error',
	}),
	invalidJson: () => message(400, 'Invalid JSON in request body'),
};

'use strict';
// Kantata OX lists the node's pickers call: users, workspaces (projects), stories (tasks) and
// workspace resources. Parameters: `search` (users, workspaces, stories) and `by_email_address`
// (users) as kantata-mcp sends them [3P]; `page`/`per_page` (max 200) and the envelope as for
// assignments (vendors-kantata-smartsheet-rm.md §1.3, §1.5). Choices marked [I] in the README.

const { json, whole } = require('../../lib/http');

const MAX_PER_PAGE = 200;

const contains = (wanted, ...texts) =>
	texts.some((text) => String(text ?? '').toLowerCase().includes(wanted));

/** One page of records in the standard envelope, included maps beside them. */
function page(query, key, records, includeFor) {
	const size = Math.min(MAX_PER_PAGE, Math.max(1, whole(query.per_page) ?? 20));
	const pageNumber = Math.max(1, whole(query.page) ?? 1);
	const slice = records.slice((pageNumber - 1) * size, pageNumber * size);
	const body = {
		count: records.length,
		meta: {
			count: records.length,
			page_count: Math.ceil(records.length / size),
			page_number: pageNumber,
			page_size: size,
		},
		results: slice.map((record) => ({ key, id: record.id })),
	};
	if (slice.length) body[key] = Object.fromEntries(slice.map((record) => [record.id, record]));
	Object.assign(body, includeFor?.(slice) ?? {});
	return json(200, body);
}

const searchText = (query) => String(query.search ?? '').trim().toLowerCase();
const includes = (query) => String(query.include ?? '').split(',').map((name) => name.trim());

function users(ctx) {
	const { state, query } = ctx;
	const wanted = searchText(query);
	const email = String(query.by_email_address ?? '').trim().toLowerCase();
	const list = [...state.users.values()].filter(
		(user) =>
			(!wanted || contains(wanted, user.full_name, user.email_address)) &&
			(!email || user.email_address.toLowerCase() === email),
	);
	return page(query, 'users', list);
}

function workspaces(ctx) {
	const { state, query } = ctx;
	const wanted = searchText(query);
	// Archived projects are left out, like the API's default filters do for assignments [I].
	const list = [...state.workspaces.values()]
		.filter((ws) => !ws.archived && (!wanted || contains(wanted, ws.title)))
		.map(({ archived, ...ws }) => ws);
	return page(query, 'workspaces', list);
}

function stories(ctx) {
	const { state, query } = ctx;
	const wanted = searchText(query);
	const list = [...state.stories.values()]
		.filter((story) => !story.archived && (!wanted || contains(wanted, story.title)))
		.filter((story) => !query.workspace_id || story.workspace_id === String(query.workspace_id))
		.map(({ archived, ...story }) => story);
	return page(query, 'stories', list, (slice) =>
		includes(query).includes('workspace')
			? {
					workspaces: Object.fromEntries(
						slice.map((story) => {
							const { archived, ...ws } = state.workspaces.get(story.workspace_id);
							return [ws.id, ws];
						}),
					),
				}
			: {},
	);
}

function workspaceResources(ctx) {
	const { state, query } = ctx;
	const list = [...state.resources.values()].filter(
		(r) => !query.workspace_id || r.workspace_id === String(query.workspace_id),
	);
	return page(query, 'workspace_resources', list, (slice) => {
		const wanted = includes(query);
		const out = {};
		if (wanted.includes('user')) {
			out.users = Object.fromEntries(
				slice.filter((r) => r.user_id).map((r) => [r.user_id, state.users.get(r.user_id)]),
			);
		}
		if (wanted.includes('workspace')) {
			out.workspaces = Object.fromEntries(
				slice.map((r) => {
					const { archived, ...ws } = state.workspaces.get(r.workspace_id);
					return [ws.id, ws];
				}),
			);
		}
		return out;
	});
}

const routes = {
	'/users': users,
	'/workspaces': workspaces,
	'/stories': stories,
	'/workspace_resources': workspaceResources,
};

/** The answer for a GET on one of these lists, or undefined for any other request. */
function lookup(ctx, path) {
	if (ctx.method !== 'GET') return undefined;
	return routes[path]?.(ctx);
}

module.exports = { lookup };

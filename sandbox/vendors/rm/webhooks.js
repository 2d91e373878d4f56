'use strict';
// Smartsheet RM webhooks (10Kft/10kft-api source/includes/_webhooks.md): GET/POST/DELETE
// /api/v1/webhooks, at most 10 per event type, no update, payload `{ data, type }` where `data`
// is exactly what a GET of the object returns. The vendor accepts only https URLs; the sandbox
// also accepts plain http to loopback, because a local n8n listens on http://127.0.0.1.
// A delivery answered 410 unsubscribes the webhook, as documented.

const { json, empty } = require('../../lib/http');

const EVENT_TYPES = [
	'project.created',
	'project.updated',
	'time.entry.created',
	'time.entry.updated',
	'user.created',
	'user.updated',
	'assignment.created',
	'assignment.updated',
];
const MAX_PER_TYPE = 10;

const isLoopback = (host) =>
	host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

function acceptableUrl(text) {
	try {
		const url = new URL(String(text));
		return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
	} catch {
		return false;
	}
}

const hooksOf = (state) => (state.webhooks ??= { next: 1, byId: new Map(), deliveries: [] });

/** Routes /webhooks and /webhooks/:id; `parts` are the path segments after the API root. */
function handleWebhooks(ctx, parts) {
	const hooks = hooksOf(ctx.state);
	if (parts.length === 1 && ctx.method === 'GET') {
		const data = [...hooks.byId.values()];
		return json(200, {
			paging: {
				self: `${ctx.prefix}/webhooks`,
				next: null,
				previous: null,
				page: 1,
				per_page: data.length || 20,
			},
			data,
		});
	}
	if (parts.length === 1 && ctx.method === 'POST') {
		const params = { ...ctx.query, ...(typeof ctx.body === 'object' && ctx.body ? ctx.body : {}) };
		const problems = [];
		if (!EVENT_TYPES.includes(params.event_type)) problems.push('invalid event_type');
		if (!acceptableUrl(params.url)) problems.push('url must be https with a valid host');
		const sameType = [...hooks.byId.values()].filter(
			(hook) => hook.event_type === params.event_type,
		);
		if (sameType.length >= MAX_PER_TYPE) problems.push('no more than 10 webhooks per event type');
		if (problems.length) return json(403, { message: 'bad data', errors: problems });
		const hook = {
			id: hooks.next++,
			organization_id: 1,
			url: String(params.url),
			status: 'active',
			event_type: params.event_type,
		};
		hooks.byId.set(hook.id, hook);
		return json(200, hook);
	}
	if (parts.length === 2 && ctx.method === 'DELETE') {
		if (!hooks.byId.delete(Number(parts[1]))) return json(404, { message: 'not found' });
		return empty(200);
	}
	return json(404, { message: 'not found' });
}

/**
 * Posts the event to every webhook of its type, after the answer to the change was sent. Each
 * delivery is recorded in `state.webhooks.deliveries` with a promise tests can await.
 */
function notify(state, type, record) {
	const hooks = hooksOf(state);
	const payload = JSON.stringify({ data: { ...record }, type });
	for (const hook of hooks.byId.values()) {
		if (hook.event_type !== type) continue;
		const delivery = { webhookId: hook.id, url: hook.url, type, payload: JSON.parse(payload) };
		delivery.done = fetch(hook.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: payload,
		})
			.then((response) => {
				delivery.status = response.status;
				if (response.status === 410) hooks.byId.delete(hook.id);
			})
			.catch((error) => {
				delivery.error = error.message;
			});
		hooks.deliveries.push(delivery);
	}
}

module.exports = { handleWebhooks, notify, EVENT_TYPES };

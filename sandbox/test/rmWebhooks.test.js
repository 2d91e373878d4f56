'use strict';
// Smartsheet RM webhooks in the sandbox: registration rules and deliveries.

const http = require('node:http');
const { useSandbox, call, jsonInit, auth } = require('./helpers');

const sandbox = useSandbox({ size: { rm: 20 } });
const base = () => sandbox().vendors.rm.baseUrl;
const send = (method, path, body) => call(`${base()}${path}`, jsonInit(method, body, auth.rm));
const deliveries = () => sandbox().state.rm.webhooks.deliveries;

describe('webhooks', () => {
	it('accepts https, or http on loopback only, and a documented event type', async () => {
		const bad = await send('POST', '/webhooks', {
			event_type: 'assignment.created',
			url: 'http://example.com/x',
		});
		expect(bad.status).toBe(403);
		expect(bad.body.errors).toEqual(['url must be https with a valid host']);
		const unknown = await send('POST', '/webhooks', {
			event_type: 'assignment.deleted',
			url: 'https://example.com/x',
		});
		expect(unknown.body.errors).toEqual(['invalid event_type']);
		const ok = await send('POST', '/webhooks', {
			event_type: 'assignment.created',
			url: 'https://example.com/x',
		});
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({
			id: 1,
			organization_id: 1,
			url: 'https://example.com/x',
			status: 'active',
			event_type: 'assignment.created',
		});
		const listed = await call(`${base()}/webhooks`, { headers: auth.rm });
		expect(listed.body.data).toEqual([ok.body]);
		expect((await send('DELETE', '/webhooks/1')).status).toBe(200);
		expect((await send('DELETE', '/webhooks/1')).status).toBe(404);
	});

	it('allows at most 10 webhooks per event type', async () => {
		for (let i = 0; i < 10; i++)
			expect(
				(
					await send('POST', '/webhooks', {
						event_type: 'assignment.updated',
						url: `https://example.com/${i}`,
					})
				).status,
			).toBe(200);
		const refused = await send('POST', '/webhooks', {
			event_type: 'assignment.updated',
			url: 'https://example.com/10',
		});
		expect(refused.body.errors).toEqual(['no more than 10 webhooks per event type']);
	});

	it('posts { data, type } with the GET shape on create and update; a 410 unsubscribes', async () => {
		const bodies = [];
		let status = 200;
		const receiver = http.createServer((req, res) => {
			let text = '';
			req.on('data', (chunk) => (text += chunk));
			req.on('end', () => {
				bodies.push(JSON.parse(text));
				res.writeHead(status).end();
			});
		});
		await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${receiver.address().port}/hook?token=abc`;
			await send('POST', '/webhooks', { event_type: 'assignment.created', url });
			await send('POST', '/webhooks', { event_type: 'assignment.updated', url });
			const created = await send('POST', '/assignments', {
				user_id: 30256,
				assignable_id: 183760,
				starts_at: '2026-12-01',
				ends_at: '2026-12-02',
			});
			await Promise.all(deliveries().map((d) => d.done));
			expect(bodies).toEqual([{ data: created.body, type: 'assignment.created' }]);
			status = 410;
			await send('PUT', `/assignments/${created.body.id}`, { note: 'changed' });
			await Promise.all(deliveries().map((d) => d.done));
			const shown = await call(`${base()}/assignments/${created.body.id}`, { headers: auth.rm });
			expect(bodies[1]).toEqual({ data: shown.body, type: 'assignment.updated' });
			const left = await call(`${base()}/webhooks`, { headers: auth.rm });
			expect(left.body.data.map((hook) => hook.event_type)).toEqual(['assignment.created']);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});
});

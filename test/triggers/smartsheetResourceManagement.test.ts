import type { IDataObject } from 'n8n-workflow';

import { SmartsheetResourceManagementTrigger } from '../../nodes/SmartsheetResourceManagement/SmartsheetResourceManagementTrigger.node';
import { api, assignment, credentials } from '../SmartsheetResourceManagement/fixtures';
import type { TriggerOptions } from '../harness/trigger';
import { callWebhook, hook } from '../harness/trigger';

const webhookId = '0b6f2c1e-4d7a-4f1b-9a43-5f2e8c7d9a10';
const n8nUrl = `https://n8n.example.com/webhook/${webhookId}/webhook`;
const key = 'node:Trigger under test';

const trigger = (
	parameters: IDataObject = {},
	extra: Partial<TriggerOptions> = {},
): TriggerOptions => ({
	node: new SmartsheetResourceManagementTrigger(),
	parameters: { events: ['created', 'updated'], ...parameters } as TriggerOptions['parameters'],
	credentials,
	webhookId,
	...extra,
});

const registered = (staticData: IDataObject) => staticData[key] as IDataObject;

/** Activation: create, returning the static data n8n would save. */
async function activate(options = trigger()) {
	const urls: string[] = [];
	const scope = api();
	for (const [id, type] of [
		[71, 'assignment.created'],
		[72, 'assignment.updated'],
	] as const) {
		scope
			.post('/api/v1/webhooks', (body: IDataObject) => {
				urls.push(String(body.url));
				return body.event_type === type;
			})
			.reply(200, { id, organization_id: 1, status: 'active', event_type: type });
	}
	const { result, staticData } = await hook(options, 'create');
	return { result, staticData, urls };
}

describe('Smartsheet RM Trigger › subscription', () => {
	it('create registers one webhook per event at n8n’s URL with a random token', async () => {
		const { result, staticData, urls } = await activate();
		expect(result).toBe(true);
		const saved = registered(staticData);
		expect(saved.webhookIds).toEqual({ 'assignment.created': 71, 'assignment.updated': 72 });
		expect(saved.token).toMatch(/^[0-9a-f]{48}$/);
		expect(urls).toEqual([
			`${n8nUrl}?token=${String(saved.token)}`,
			`${n8nUrl}?token=${String(saved.token)}`,
		]);
		expect(saved.url).toBe(urls[0]);
	});

	it('checkExists is true only when every selected event’s webhook is still registered at this URL', async () => {
		const { staticData } = await activate();
		const saved = registered(staticData);
		const listed = (ids: number[]) => ({
			paging: { next: null },
			data: ids.map((id, index) => ({
				id,
				url: saved.url,
				status: 'active',
				event_type: ['assignment.created', 'assignment.updated'][index],
			})),
		});
		api()
			.get('/api/v1/webhooks')
			.query({ per_page: '1000' })
			.reply(200, listed([71, 72]));
		expect((await hook(trigger({}, { staticData }), 'checkExists')).result).toBe(true);

		api()
			.get('/api/v1/webhooks')
			.query({ per_page: '1000' })
			.reply(200, listed([71]));
		expect((await hook(trigger({}, { staticData }), 'checkExists')).result).toBe(false);

		// Nothing stored (first activation): no request at all.
		expect((await hook(trigger(), 'checkExists')).result).toBe(false);
	});

	it('delete removes each webhook, tolerates one already gone, and forgets the token', async () => {
		const { staticData } = await activate();
		api()
			.delete('/api/v1/webhooks/71')
			.reply(200)
			.delete('/api/v1/webhooks/72')
			.reply(404, { message: 'not found' });
		const { result, staticData: after } = await hook(trigger({}, { staticData }), 'delete');
		expect(result).toBe(true);
		expect(registered(after)).toEqual({});
	});

	it('create refuses an http:// n8n URL before sending anything: the vendor posts only to https', async () => {
		await expect(
			hook(trigger({}, { webhookBaseUrl: 'http://n8n.internal:5678/webhook' }), 'create'),
		).rejects.toThrow(
			"Smartsheet Resource Management delivers webhooks only to https:// URLs, and n8n's webhook URL is http://n8n.internal:5678",
		);
	});

	it('a refused second registration (10 per event type) removes the first and fails activation', async () => {
		api()
			.post('/api/v1/webhooks')
			.reply(200, { id: 81, event_type: 'assignment.created' })
			.post('/api/v1/webhooks')
			.reply(403, { message: 'bad data', errors: ['no more than 10 webhooks per event type'] })
			.delete('/api/v1/webhooks/81')
			.reply(200);
		await expect(hook(trigger(), 'create')).rejects.toThrow(
			'bad data: no more than 10 webhooks per event type',
		);
	});
});

describe('Smartsheet RM Trigger › webhook', () => {
	const stored = { [key]: { token: 'a'.repeat(48), url: n8nUrl, webhookIds: {} } };
	const call = (body: unknown, token = 'a'.repeat(48), parameters: IDataObject = {}) =>
		callWebhook(trigger(parameters, { staticData: stored }), { body, query: { token } });

	it('outputs the payload’s assignment in the shape of the node’s Get, with the event', async () => {
		const data = assignment(1001, { updated_at: '2026-11-30T12:00:05Z' });
		const { result } = await call({ data, type: 'assignment.updated' });
		expect(result.workflowData).toEqual([[{ json: { event: 'updated', ...data } }]]);
	});

	it('refuses a call without the registered token, and runs no workflow', async () => {
		const { result, sent } = await call(
			{ data: assignment(1), type: 'assignment.created' },
			'b'.repeat(48),
		);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(403);
	});

	it('ignores events not selected and payloads that are not assignments', async () => {
		expect(
			(
				await call({ data: assignment(1), type: 'assignment.updated' }, undefined, {
					events: ['created'],
				})
			).result,
		).toEqual({});
		expect((await call({ data: { id: 5 }, type: 'project.created' })).result).toEqual({});
		expect((await call({ type: 'assignment.created' })).result).toEqual({});
	});

	it('a reassignment’s assignment.deleted is output as Removed', async () => {
		const { result } = await call({ data: assignment(1002), type: 'assignment.deleted' });
		expect(result.workflowData?.[0][0].json.event).toBe('removed');
	});
});

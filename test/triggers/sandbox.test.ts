import type { IDataObject } from 'n8n-workflow';

import { KantataOxTrigger } from '../../nodes/KantataOx/KantataOxTrigger.node';
import { PaymoTrigger } from '../../nodes/Paymo/PaymoTrigger.node';
import { XurrentTrigger } from '../../nodes/Xurrent/XurrentTrigger.node';
import { SmartsheetResourceManagementTrigger } from '../../nodes/SmartsheetResourceManagement/SmartsheetResourceManagementTrigger.node';
import { startReceiver } from '../harness/receiver';
import { useSandbox } from '../harness/sandbox';
import type { TriggerOptions } from '../harness/trigger';
import { callWebhook, hook, poller } from '../harness/trigger';

const env = useSandbox({ seed: 'triggers', size: { kantata: 60, paymo: 60, rm: 60, xurrent: 60 } });
beforeEach(() => env.sandbox.reset());

const events = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => `${String(item.json.event)}:${String(item.json.id)}`).sort();

describe('triggers against the sandbox', () => {
	it('Kantata OX: created, updated and unassigned assignments after activation, nothing before', async () => {
		const { sandbox } = env;
		const next = poller({
			node: new KantataOxTrigger(),
			parameters: { events: ['created', 'updated', 'removed'] },
			credentials: env.credentials('kantataOxApi'),
		});
		expect((await next()).items).toBeNull();

		const listed = sandbox.direct('kantata', {
			method: 'GET',
			path: '/assignments.json',
			query: { current: 'true', per_page: '2' },
		}).body as IDataObject;
		const [changed, unassigned] = (listed.results as IDataObject[]).map((ref) => String(ref.id));
		const created = sandbox.direct('kantata', {
			method: 'POST',
			path: '/assignments.json',
			body: { assignment: { story_id: '26100001', assignee_id: '3700001' } },
		}).body as IDataObject;
		const createdId = String((created.results as IDataObject[])[0].id);
		sandbox.direct('kantata', {
			method: 'PUT',
			path: `/assignments/${changed}.json`,
			body: { assignment: { estimated_minutes: 90 } },
		});
		sandbox.direct('kantata', { method: 'DELETE', path: `/assignments/${unassigned}.json` });

		const result = await next();
		expect(result.error).toBeUndefined();
		expect(events(result.items)).toEqual(
			[`created:${createdId}`, `updated:${changed}`, `removed:${unassigned}`].sort(),
		);
		expect((await next()).items).toBeNull();
	});

	it('Paymo: created and (with Detect Removals) removed assignments of a user', async () => {
		const { sandbox } = env;
		const next = poller({
			node: new PaymoTrigger(),
			parameters: {
				events: ['created', 'updated', 'removed'],
				watchBy: 'user',
				userId: '241185',
				options: { detectRemovals: true },
			},
			credentials: env.credentials('paymoApi'),
		});
		expect((await next()).items).toBeNull();

		const listed = sandbox.direct('paymo', {
			method: 'GET',
			path: '/userstasks',
			query: { where: 'user_id=241185' },
		}).body as IDataObject;
		const removed = String((listed.userstasks as IDataObject[])[0].id);
		sandbox.direct('paymo', { method: 'DELETE', path: `/userstasks/${removed}` });
		const created = sandbox.direct('paymo', {
			method: 'POST',
			path: '/userstasks',
			body: { user_id: 241185, task_id: 48591 },
		}).body as IDataObject;
		const createdId = String((created.userstasks as IDataObject[])[0].id);

		const result = await next();
		expect(result.error).toBeUndefined();
		expect(events(result.items)).toEqual([`created:${createdId}`, `removed:${removed}`].sort());
	});

	it('Xurrent: assignments added to, changed in and removed from watched tasks', async () => {
		const { sandbox } = env;
		const next = poller({
			node: new XurrentTrigger(),
			parameters: { events: ['created', 'updated', 'removed'], taskIds: '1001,1002' },
			credentials: env.credentials('xurrentApi'),
		});
		expect((await next()).items).toBeNull();

		const existing = sandbox.direct('xurrent', {
			method: 'GET',
			path: '/project_tasks/1001/assignments',
			query: { per_page: '2' },
		}).body as IDataObject[];
		const [changed, removed] = existing.map((entry) => String(entry.id));
		sandbox.direct('xurrent', {
			method: 'PATCH',
			path: `/project_tasks/1001/assignments/${changed}`,
			body: { planned_effort: 75 },
		});
		sandbox.direct('xurrent', {
			method: 'DELETE',
			path: `/project_tasks/1001/assignments/${removed}`,
		});
		const created = sandbox.direct('xurrent', {
			method: 'POST',
			path: '/project_tasks/1002/assignments',
			body: { assignee_id: 41 },
		}).body as IDataObject;

		const result = await next();
		expect(result.error).toBeUndefined();
		expect(events(result.items)).toEqual(
			[`created:${String(created.id)}`, `updated:${changed}`, `removed:${removed}`].sort(),
		);
	});

	it('Smartsheet RM: the sandbox posts the documented payload to the registered URL, the trigger outputs it', async () => {
		const { sandbox } = env;
		const receiver = await startReceiver();
		const { received } = receiver;
		try {
			const options: TriggerOptions = {
				node: new SmartsheetResourceManagementTrigger(),
				parameters: { events: ['created', 'updated'] },
				credentials: env.credentials('smartsheetResourceManagementApi'),
				webhookId: '7d1c2b9e-5a4f-4c3e-8b2a-1f0e9d8c7b6a',
				webhookBaseUrl: `${receiver.origin}/webhook`,
			};
			const { staticData } = await hook(options, 'create');
			expect((await hook({ ...options, staticData }, 'checkExists')).result).toBe(true);

			// A copy: direct() hands out the sandbox's live record, which the update below changes.
			const created = structuredClone(
				sandbox.direct('rm', {
					method: 'POST',
					path: '/assignments',
					body: {
						user_id: 30256,
						assignable_id: 183760,
						starts_at: '2026-12-01',
						ends_at: '2026-12-04',
					},
				}).body,
			) as IDataObject;
			sandbox.direct('rm', {
				method: 'PUT',
				path: `/assignments/${String(created.id)}`,
				body: { percent: 0.5 },
			});
			const hooks = sandbox.state.rm.webhooks as { deliveries: Array<{ done: Promise<void> }> };
			await Promise.all(hooks.deliveries.map((delivery) => delivery.done));
			expect(received.map((call) => call.body.type)).toEqual([
				'assignment.created',
				'assignment.updated',
			]);

			const outputs = [];
			for (const call of received) {
				const url = new URL(call.url, 'http://127.0.0.1');
				expect(url.pathname).toBe('/webhook/7d1c2b9e-5a4f-4c3e-8b2a-1f0e9d8c7b6a/webhook');
				const { result } = await callWebhook(
					{ ...options, staticData },
					{ body: call.body, query: Object.fromEntries(url.searchParams) },
				);
				outputs.push(result.workflowData?.[0][0].json);
			}
			const current = sandbox.direct('rm', {
				method: 'GET',
				path: `/assignments/${String(created.id)}`,
			});
			expect(outputs[0]).toEqual({ event: 'created', ...created });
			expect(outputs[1]).toEqual({ event: 'updated', ...(current.body as IDataObject) });

			await hook({ ...options, staticData }, 'delete');
			const left = sandbox.direct('rm', { method: 'GET', path: '/webhooks' }).body as IDataObject;
			expect(left.data).toEqual([]);
		} finally {
			await receiver.close();
		}
	});
});

import type { IDataObject } from 'n8n-workflow';

import { XurrentTrigger } from '../../nodes/Xurrent/XurrentTrigger.node';
import type { TriggerOptions } from '../harness/trigger';
import { poll, poller } from '../harness/trigger';

const origin = 'https://api.xurrent.com';
const token = 'dummy-xurrent-pat-8d3e';
const credentials = { xurrentApi: { accessToken: token, accountId: 'widget' } };
const api = () =>
	nock(origin, { reqheaders: { authorization: `Bearer ${token}`, 'x-xurrent-account': 'widget' } });

const T0 = Date.parse('2026-11-30T12:00:00Z');
/** Xurrent answers with an offset, e.g. -06:00. */
const at = (seconds: number) =>
	new Date(T0 + seconds * 1000 - 6 * 3600_000).toISOString().replace('.000Z', '-06:00');
const record = (id: number, created: number, updated: number): IDataObject => ({
	id,
	assignee: { id: 156, name: 'Ellen Brown' },
	planned_effort: 240,
	status: 'assigned',
	created_at: at(created),
	updated_at: at(updated),
	waiting_until: null,
});
const list = (taskId: number) => `/v1/project_tasks/${taskId}/assignments`;

const trigger = (
	parameters: IDataObject = {},
	extra: Partial<TriggerOptions> = {},
): TriggerOptions => ({
	node: new XurrentTrigger(),
	parameters: {
		events: ['created', 'updated', 'removed'],
		taskIds: '1001, 1002',
		...parameters,
	} as TriggerOptions['parameters'],
	credentials,
	...extra,
});
const clock = (seconds: number) => jest.spyOn(Date, 'now').mockReturnValue(T0 + seconds * 1000);
const events = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => `${String(item.json.event)}:${String(item.json.id)}`);

afterEach(() => jest.restoreAllMocks());

describe('Xurrent Trigger › poll', () => {
	it('reads each watched task once per poll and outputs added, changed and removed assignments', async () => {
		const next = poller(trigger());
		clock(0);
		api()
			.get(list(1001))
			.query({ per_page: '100' })
			.reply(200, [record(1, -900, -900), record(2, -900, -900)])
			.get(list(1002))
			.query({ per_page: '100' })
			.reply(200, [record(3, -900, -60)]);
		expect((await next()).items).toBeNull();

		clock(60);
		api()
			.get(list(1001))
			.query({ per_page: '100' })
			.reply(200, [record(1, -900, 10), record(4, 20, 20)])
			.get(list(1002))
			.query({ per_page: '100' })
			.reply(200, [record(3, -900, -60)]);
		const result = await next();
		expect(events(result.items)).toEqual(['updated:1', 'created:4', 'removed:2']);
		expect(result.items?.[1].json).toEqual({
			event: 'created',
			...record(4, 20, 20),
			project_task_id: 1001,
		});
		expect(result.items?.[2].json).toEqual({
			event: 'removed',
			id: 2,
			assignee: { id: 156, name: 'Ellen Brown' },
			project_task_id: 1001,
		});
	});

	it('same-second changes are neither missed nor doubled', async () => {
		const next = poller(trigger({ taskIds: '1001' }));
		clock(0);
		api().get(list(1001)).query({ per_page: '100' }).reply(200, []);
		await next();
		clock(60);
		api()
			.get(list(1001))
			.query({ per_page: '100' })
			.reply(200, [record(5, 5, 5)]);
		expect(events((await next()).items)).toEqual(['created:5']);
		clock(120);
		api()
			.get(list(1001))
			.query({ per_page: '100' })
			.reply(200, [record(5, 5, 5), record(6, 5, 5)]);
		expect(events((await next()).items)).toEqual(['created:6']);
	});

	it('follows the Link header over pages of a task', async () => {
		const next = poller(trigger({ taskIds: '1001' }));
		clock(0);
		api().get(list(1001)).query({ per_page: '100' }).reply(200, []);
		await next();
		clock(60);
		const many = Array.from({ length: 130 }, (_, index) => record(100 + index, 10, 10));
		api()
			.get(list(1001))
			.query({ per_page: '100' })
			.reply(200, many.slice(0, 100), {
				Link: `<${origin}${list(1001)}?per_page=100&search_after=abc>; rel="next"`,
			})
			.get(list(1001))
			.query({ per_page: '100', search_after: 'abc' })
			.reply(200, many.slice(100));
		expect((await next()).items).toHaveLength(130);
	});

	it('a rate limit is waited out; an error keeps the state', async () => {
		const next = poller(trigger({ taskIds: '1001' }));
		clock(0);
		api().get(list(1001)).query({ per_page: '100' }).reply(200, []);
		const first = await next();
		clock(60);
		api()
			.get(list(1001))
			.query({ per_page: '100' })
			.reply(429, { message: 'Too Many Requests' }, { 'retry-after': '2' })
			.get(list(1001))
			.query({ per_page: '100' })
			.reply(404, { message: 'Not found' });
		const failed = await next();
		expect(failed.error?.message).toContain('Not found');
		expect(failed.staticData).toEqual(first.staticData);
	});

	it('refuses malformed or too many task IDs before any request', async () => {
		const tooMany = Array.from({ length: 26 }, (_, index) => 1000 + index).join(',');
		for (const taskIds of ['', '10/01', tooMany]) {
			const result = await poll(trigger({ taskIds }));
			expect(result.error?.message).toMatch(
				/^Project Task IDs must be 1 to 25 numeric IDs separated by commas/,
			);
		}
	});
});

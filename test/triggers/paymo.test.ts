import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { PaymoTrigger } from '../../nodes/Paymo/PaymoTrigger.node';
import type { TriggerOptions } from '../harness/trigger';
import { poll, poller } from '../harness/trigger';

// base64("key-1:X"): the API key as Basic user name, a fixed non-empty password.
const api = () =>
	nock('https://app.paymoapp.com', { reqheaders: { authorization: 'Basic a2V5LTE6WA==' } });
const credentials = { paymoApi: { apiKey: 'key-1' } };
const roomy = {
	'X-Ratelimit-Limit': '5',
	'X-Ratelimit-Remaining': '4',
	'X-Ratelimit-Decay-Period': '5',
};
const path = '/api/userstasks';

const T0 = Date.parse('2026-11-30T12:00:00Z');
const unix = (seconds: number) => Math.floor(T0 / 1000) + seconds;
const utc = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
const record = (id: number, created: number, updated: number, userId = 241185): IDataObject => ({
	id,
	user_id: userId,
	task_id: 5000 + id,
	created_on: utc(created),
	updated_on: utc(updated),
});
const page = (where: string, number = 0) => ({ where, page: String(number), page_size: '100' });
const changed = (sinceSeconds: number, scope = 'user_id=241185') =>
	page(`${scope} and updated_on>${unix(sinceSeconds)}`);

const trigger = (
	parameters: IDataObject = {},
	extra: Partial<TriggerOptions> = {},
): TriggerOptions => ({
	node: new PaymoTrigger(),
	parameters: {
		events: ['created', 'updated', 'removed'],
		watchBy: 'user',
		userId: '241185',
		...parameters,
	} as TriggerOptions['parameters'],
	credentials,
	...extra,
});

const clock = (seconds: number) => jest.spyOn(Date, 'now').mockReturnValue(T0 + seconds * 1000);
const events = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => `${String(item.json.event)}:${String(item.json.id)}`);

beforeEach(() => jest.mocked(sleep).mockClear());
afterEach(() => jest.restoreAllMocks());

describe('Paymo Trigger › poll', () => {
	it('first poll establishes the watermark from updated_on in `where` and outputs nothing', async () => {
		clock(0);
		api()
			.get(path)
			.query(changed(-120))
			.reply(200, { userstasks: [record(1, -900, -10)] }, roomy);
		const result = await poll(trigger());
		expect(result.error).toBeUndefined();
		expect(result.items).toBeNull();
		expect(result.staticData['node:Trigger under test']).toEqual({
			pollState: { watermark: T0, seen: { '1': T0 - 10_000 } },
		});
	});

	it('later polls output exactly the created and updated assignments of several users', async () => {
		const next = poller(trigger({ userId: '241185, 241184' }));
		const scope = 'user_id in (241185,241184)';
		clock(0);
		api()
			.get(path)
			.query(changed(-120, scope))
			.reply(200, { userstasks: [record(1, -900, -10)] }, roomy);
		await next();

		clock(60);
		api()
			.get(path)
			.query(changed(-120, scope))
			.reply(
				200,
				{ userstasks: [record(4, 30, 30, 241184), record(1, -900, -10), record(3, -900, 20)] },
				roomy,
			);
		const result = await next();
		expect(events(result.items)).toEqual(['updated:3', 'created:4']);
		expect(result.items?.[1].json).toEqual({ event: 'created', ...record(4, 30, 30, 241184) });
	});

	it('an assignment changed in the same second as the watermark is neither missed nor doubled', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(path).query(changed(-120)).reply(200, { userstasks: [] }, roomy);
		await next();

		clock(60);
		api()
			.get(path)
			.query(changed(-120))
			.reply(200, { userstasks: [record(7, 5, 5)] }, roomy);
		expect(events((await next()).items)).toEqual(['created:7']);

		clock(120);
		api()
			.get(path)
			.query(changed(-115))
			.reply(200, { userstasks: [record(7, 5, 5), record(8, 5, 5)] }, roomy);
		expect(events((await next()).items)).toEqual(['created:8']);
	});

	it('reads every page of changes', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(path).query(changed(-120)).reply(200, { userstasks: [] }, roomy);
		await next();

		clock(60);
		const records = Array.from({ length: 120 }, (_, index) =>
			record(100 + index, -900, 1 + (index % 50)),
		);
		api()
			.get(path)
			.query(changed(-120))
			.reply(200, { userstasks: records.slice(0, 100) }, roomy)
			.get(path)
			.query({ ...changed(-120), page: '1' })
			.reply(200, { userstasks: records.slice(100) }, roomy);
		const result = await next();
		expect(result.items).toHaveLength(120);
		// Paymo's list has no order: the output is in change order.
		const times = result.items!.map((item) => Date.parse(String(item.json.updated_on)));
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('waits out a 429 (Retry-After) and paces by the rate-limit headers', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(path).query(changed(-120)).reply(200, { userstasks: [] }, roomy);
		await next();

		clock(60);
		api()
			.get(path)
			.query(changed(-120))
			.reply(
				429,
				{ message: 'Too Many Requests' },
				{ 'Retry-After': '4', 'X-Ratelimit-Remaining': '0' },
			)
			.get(path)
			.query(changed(-120))
			.reply(200, { userstasks: [record(9, 30, 30)] }, roomy);
		const result = await next();
		expect(events(result.items)).toEqual(['created:9']);
		expect(jest.mocked(sleep).mock.calls).toContainEqual([4_000]);
	});

	it('an API error fails the poll and keeps the state', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(path).query(changed(-120)).reply(200, { userstasks: [] }, roomy);
		const first = await next();
		clock(60);
		api().get(path).query(changed(-120)).reply(401, { message: 'Invalid API key' });
		const failed = await next();
		expect(failed.error?.message).toContain('Invalid API key');
		expect(failed.staticData).toEqual(first.staticData);
	});

	it('refuses a missing or malformed user ID before sending any request', async () => {
		const result = await poll(trigger({ userId: '2411 85' }));
		expect(result.error?.message).toBe(
			'User ID must be a numeric ID or IDs separated by commas, got "2411 85" [item 0]',
		);
	});
});

describe('Paymo Trigger › Detect Removals', () => {
	const scope = page('user_id=241185');

	it('lists the whole scope each poll and reports the assignments that disappeared', async () => {
		const next = poller(trigger({ options: { detectRemovals: true } }));
		clock(0);
		api()
			.get(path)
			.query(scope)
			.reply(200, { userstasks: [record(1, -900, -900), record(2, -900, -900)] }, roomy);
		expect((await next()).items).toBeNull();

		clock(60);
		api()
			.get(path)
			.query(scope)
			.reply(200, { userstasks: [record(1, -900, 20), record(3, 30, 30)] }, roomy);
		const result = await next();
		expect(events(result.items)).toEqual(['updated:1', 'created:3', 'removed:2']);
		expect(result.items?.[2].json).toEqual({
			event: 'removed',
			id: 2,
			user_id: 241185,
			task_id: 5002,
		});
	});

	it('an assignment moved into the watched scope is Created for it, one moved out is Removed', async () => {
		const next = poller(
			trigger({ watchBy: 'task', taskId: '5001', userId: '', options: { detectRemovals: true } }),
		);
		const taskScope = page('task_id=5001');
		clock(0);
		api()
			.get(path)
			.query(taskScope)
			.reply(200, { userstasks: [record(1, -900, -900)] }, roomy);
		await next();

		clock(60);
		// 7 was created long ago for another task and moved to task 5001 just now; 1 moved away.
		api()
			.get(path)
			.query(taskScope)
			.reply(200, { userstasks: [{ ...record(7, -7200, 30), task_id: 5001 }] }, roomy);
		expect(events((await next()).items)).toEqual(['created:7', 'removed:1']);
	});

	it('fails with advice when the scope holds more than it can track', async () => {
		clock(0);
		const many = Array.from({ length: 100 }, (_, index) => record(index + 1, -900, -900));
		const scopeApi = api();
		for (let number = 0; number <= 10; number++) {
			scopeApi
				.get(path)
				.query(page('user_id=241185', number))
				.reply(
					200,
					{ userstasks: many.map((entry) => ({ ...entry, id: Number(entry.id) + number * 100 })) },
					roomy,
				);
		}
		const result = await poll(trigger({ options: { detectRemovals: true } }));
		expect(result.error?.message).toBe(
			'The scope holds more than the 1000 assignments that "Detect Removals" can track',
		);
	});
});

describe('Paymo Trigger › manual mode', () => {
	it('outputs the most recently changed assignment of the scope', async () => {
		api()
			.get(path)
			.query(page('user_id=241185'))
			.reply(200, { userstasks: [record(1, -900, -900), record(2, -800, -700)] }, roomy);
		const result = await poll(trigger({}, { mode: 'manual' }));
		expect(events(result.items)).toEqual(['updated:2']);
		expect(result.staticData).toEqual({});
	});
});

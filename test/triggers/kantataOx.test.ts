import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { KantataOxTrigger } from '../../nodes/KantataOx/KantataOxTrigger.node';
import { api, assignment, credentials, envelope, ids, output } from '../KantataOx/fixtures';
import type { TriggerOptions } from '../harness/trigger';
import { poll, poller } from '../harness/trigger';

const listPath = '/api/v1/assignments.json';
const T0 = Date.parse('2026-11-30T12:00:00Z');
/** Kantata OX answers in a local offset; the same instant as T0 + seconds, at -08:00. */
const at = (seconds: number) =>
	new Date(T0 + seconds * 1000 - 8 * 3600_000).toISOString().replace('.000Z', '-08:00');
const utc = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');

const changesQuery = (sinceSeconds: number, extra: IDataObject = {}) => ({
	updated_after: utc(sinceSeconds),
	order: 'updated_at:asc',
	page: '1',
	per_page: '200',
	...extra,
});

const record = (id: number, created: number, updated: number, extra: IDataObject = {}) =>
	assignment(id, { created_at: at(created), updated_at: at(updated), ...extra });

const trigger = (
	parameters: IDataObject = {},
	extra: Partial<TriggerOptions> = {},
): TriggerOptions => ({
	node: new KantataOxTrigger(),
	parameters: {
		events: ['created', 'updated', 'removed'],
		...parameters,
	} as TriggerOptions['parameters'],
	credentials,
	...extra,
});

const clock = (seconds: number) => jest.spyOn(Date, 'now').mockReturnValue(T0 + seconds * 1000);
const events = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => `${String(item.json.event)}:${String(item.json.id)}`);

afterEach(() => jest.restoreAllMocks());

describe('Kantata OX Trigger › poll', () => {
	it('first poll establishes the watermark and outputs nothing from before activation', async () => {
		clock(0);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([record(1, -3600, -30), record(2, -60, -60)]));
		const result = await poll(trigger());
		expect(result.error).toBeUndefined();
		expect(result.items).toBeNull();
		expect(result.staticData['node:Trigger under test']).toEqual({
			pollState: { watermark: T0, seen: { '1': T0 - 30_000, '2': T0 - 60_000 } },
		});
	});

	it('later polls output exactly the created, updated and unassigned assignments', async () => {
		const next = poller(trigger());
		clock(0);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([record(1, -3600, -30)]));
		await next();

		clock(60);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(
				200,
				envelope([
					record(1, -3600, -30), // already handled: same updated_at
					record(3, -7200, 10), // older assignment changed
					record(4, 20, 20), // new
					record(5, -7200, 30, { current: false }), // unassigned
					record(6, 40, 50), // new and already changed again: one Created
				]),
			);
		const result = await next();
		expect(result.error).toBeUndefined();
		expect(events(result.items)).toEqual(['updated:3', 'created:4', 'removed:5', 'created:6']);
		// The same shape as the node's Get, plus the event.
		expect(result.items?.[1].json).toEqual({ event: 'created', ...output(record(4, 20, 20)) });
	});

	it('an assignment changed in the same second as the watermark is neither missed nor doubled', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(listPath).query(changesQuery(-120)).reply(200, envelope([]));
		await next();

		clock(60);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([record(7, 5, 5)]));
		expect(events((await next()).items)).toEqual(['created:7']);

		// Record 8 was written in the same second as 7 but became visible only now.
		clock(120);
		api()
			.get(listPath)
			.query(changesQuery(-115))
			.reply(200, envelope([record(7, 5, 5), record(8, 5, 5)]));
		expect(events((await next()).items)).toEqual(['created:8']);

		clock(180);
		api()
			.get(listPath)
			.query(changesQuery(-115))
			.reply(200, envelope([record(7, 5, 5), record(8, 5, 5)]));
		expect((await next()).items).toBeNull();
	});

	it('an assignment written in the activation’s second, after the first read, is output', async () => {
		const next = poller(trigger());
		jest.spyOn(Date, 'now').mockReturnValue(T0 + 500);
		api().get(listPath).query(changesQuery(-120)).reply(200, envelope([]));
		await next();

		clock(60);
		// Stamped 12:00:00, half a second before the activation instant, but not there at the read.
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([record(21, 0, 0)]));
		expect(events((await next()).items)).toEqual(['created:21']);
	});

	it('reads every page of changes in one poll', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(listPath).query(changesQuery(-120)).reply(200, envelope([]));
		await next();

		clock(60);
		const changed = ids(100, 250).map((id, index) => record(id, -7200, 1 + Math.floor(index / 10)));
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(
				200,
				envelope(changed.slice(0, 200), { page: 1, pageCount: 2, total: 250, pageSize: 200 }),
			)
			.get(listPath)
			.query(changesQuery(-120, { page: '2' }))
			.reply(
				200,
				envelope(changed.slice(200), { page: 2, pageCount: 2, total: 250, pageSize: 200 }),
			);
		const result = await next();
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items?.map((item) => item.json.event))).toEqual(new Set(['updated']));
		// The window moved to the latest change; the handled map keeps only what it can return.
		const state = result.staticData['node:Trigger under test'] as IDataObject;
		expect((state.pollState as IDataObject).watermark).toBe(T0 + 25_000);
	});

	it('an API error fails the poll and keeps the state, so the next poll reads the same window', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(listPath).query(changesQuery(-120)).reply(200, envelope([]));
		const first = await next();

		clock(60);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(403, { errors: [{ type: 'oauth', message: 'Not allowed' }] });
		const failed = await next();
		expect(failed.error?.message).toContain('Not allowed');
		expect(failed.error?.httpCode).toBe('403');
		expect(failed.staticData).toEqual(first.staticData);

		clock(120);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([record(9, 100, 100)]));
		expect(events((await next()).items)).toEqual(['created:9']);
	});

	it('waits out a rate limit (429 with Retry-After) and completes the poll', async () => {
		const next = poller(trigger());
		clock(0);
		api().get(listPath).query(changesQuery(-120)).reply(200, envelope([]));
		await next();

		clock(60);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(429, '', { 'Retry-After': '3' })
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([record(10, 30, 30)]));
		const result = await next();
		expect(events(result.items)).toEqual(['created:10']);
		expect(jest.mocked(sleep)).toHaveBeenCalledWith(3000);
	});

	it('outputs only the selected events, yet remembers the others as handled', async () => {
		const next = poller(trigger({ events: ['removed'] }));
		clock(0);
		api().get(listPath).query(changesQuery(-120)).reply(200, envelope([]));
		await next();

		clock(60);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([record(11, 10, 10), record(12, -7200, 20, { current: false })]));
		expect(events((await next()).items)).toEqual(['removed:12']);
	});

	it('scopes every request to the workspace, task and assignee filters', async () => {
		clock(0);
		const scope = { workspace_id: '2100001', story_id: '26100001', assignee_id: '3700001' };
		api().get(listPath).query(changesQuery(-120, scope)).reply(200, envelope([]));
		const result = await poll(
			trigger({ filters: { workspaceId: '2100001', storyId: '26100001', assigneeId: '3700001' } }),
		);
		expect(result.error).toBeUndefined();
	});

	it('refuses a non-numeric filter before sending any request', async () => {
		clock(0);
		const result = await poll(trigger({ filters: { workspaceId: '21/../1' } }));
		expect(result.error?.message).toBe(
			'Filter "Workspace ID" must be a positive whole number, got "21/../1" [item 0]',
		);
	});

	it('refuses an empty event list', async () => {
		const result = await poll(trigger({ events: [] }));
		expect(result.error?.message).toBe('Parameter "Events" has no event selected');
	});

	it('Include Existing outputs up to Max Existing current assignments on the first poll only', async () => {
		const next = poller(trigger({ options: { includeExisting: true, maxExisting: 2 } }));
		clock(0);
		api()
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([]))
			.get(listPath)
			.query({ order: 'updated_at:desc', current: 'true', page: '1', per_page: '2' })
			.reply(
				200,
				envelope([record(13, -100, -50), record(14, -200, -60)], { total: 40, pageCount: 20 }),
			);
		expect(events((await next()).items)).toEqual(['created:13', 'created:14']);

		clock(60);
		api().get(listPath).query(changesQuery(-120)).reply(200, envelope([]));
		expect((await next()).items).toBeNull();
	});
});

describe('Kantata OX Trigger › manual mode', () => {
	it('outputs the latest change as a sample and leaves the state alone', async () => {
		api()
			.get(listPath)
			.query({ order: 'updated_at:desc', page: '1', per_page: '1' })
			.reply(
				200,
				envelope([record(15, -7200, -5, { current: false })], { total: 9, pageCount: 9 }),
			);
		const result = await poll(trigger({}, { mode: 'manual' }));
		expect(events(result.items)).toEqual(['removed:15']);
		expect(result.staticData).toEqual({});
	});
});

describe('Kantata OX Trigger › OAuth2', () => {
	const oauth = (accessToken: string) => ({
		kantataOxOAuth2Api: {
			clientId: 'client-id',
			clientSecret: 'client-secret',
			grantType: 'authorizationCode',
			accessTokenUrl: 'https://app.mavenlink.com/oauth/token',
			authentication: 'body',
			oauthTokenData: {
				access_token: accessToken,
				refresh_token: 'dummy-refresh-token-77',
				token_type: 'bearer',
			},
		},
	});
	const bearer = (token: string) =>
		nock('https://api.mavenlink.com', { reqheaders: { authorization: `Bearer ${token}` } });

	it('a poll renews an expired token once (401) through the trigger’s own context and repeats the request', async () => {
		clock(0);
		bearer('dummy-expired-token-11')
			.get(listPath)
			.query(changesQuery(-120))
			.reply(401, { errors: [{ type: 'oauth', message: 'Expired' }] });
		nock('https://app.mavenlink.com')
			.post(
				'/oauth/token',
				(body: Record<string, string>) => body.refresh_token === 'dummy-refresh-token-77',
			)
			.reply(200, { access_token: 'dummy-renewed-token-22', token_type: 'bearer' });
		bearer('dummy-renewed-token-22')
			.get(listPath)
			.query(changesQuery(-120))
			.reply(200, envelope([]));
		const result = await poll(
			trigger({ authentication: 'oAuth2' }, { credentials: oauth('dummy-expired-token-11') }),
		);
		expect(result.error).toBeUndefined();
		expect(result.staticData['node:Trigger under test']).toBeDefined();
	});
});

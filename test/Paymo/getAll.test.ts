import { sleep } from 'n8n-workflow';
import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../harness/run';

// base64("key-1:X"): the API key as Basic user name, a fixed non-empty password.
const basicAuth = 'Basic a2V5LTE6WA==';
const credentials = { paymoApi: { apiKey: 'key-1' } };
const api = () => nock('https://app.paymoapp.com', { reqheaders: { authorization: basicAuth } });
/** Requests are left in the window, so the pacer adds no waits. */
const roomy = {
	'X-Ratelimit-Limit': '5',
	'X-Ratelimit-Remaining': '4',
	'X-Ratelimit-Decay-Period': '5',
};

/** Matches the request's raw path and query exactly as sent, encoding included. */
const exactly = (query: string) => (uri: string) => uri === `/api/userstasks?${query}`;

const assignments = (from: number, count: number): IDataObject[] =>
	Array.from({ length: count }, (_, index) => ({
		id: from + index,
		user_id: 241185,
		task_id: 5000 + from + index,
		created_on: '2017-02-16T14:43:11Z',
		updated_on: '2017-02-16T14:43:11Z',
	}));

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

async function getMany(parameters: Record<string, NodeParameterValueType>, credentialId?: string) {
	return await runNode({
		credentialId,
		node: 'paymo',
		parameters: {
			resource: 'assignment',
			operation: 'getAll',
			filterBy: 'user',
			userId: { __rl: true, mode: 'id', value: '241185' },
			...parameters,
		},
		credentials,
	});
}

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);

beforeEach(() => jest.mocked(sleep).mockClear());

describe('Get Many: pages', () => {
	test('walks several pages and stops on the short one', async () => {
		const scope = api()
			.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
			.reply(200, { userstasks: assignments(1, 100) }, roomy)
			.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
			.reply(200, { userstasks: assignments(101, 100) }, roomy)
			.get(exactly('where=user_id%3D241185&page=2&page_size=100'))
			.reply(200, { userstasks: assignments(201, 37) }, roomy);
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(range(1, 237));
		expect(result.items[0]).toEqual({ json: assignments(1, 1)[0], pairedItem: { item: 0 } });
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(
			true,
		);
		scope.done();
	});

	test('exact boundary: a full last page is followed by one empty page, then nothing', async () => {
		const scope = api()
			.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
			.reply(200, { userstasks: assignments(1, 100) }, roomy)
			.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
			.reply(200, { userstasks: assignments(101, 100) }, roomy)
			.get(exactly('where=user_id%3D241185&page=2&page_size=100'))
			.reply(200, { userstasks: [] }, roomy);
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(range(1, 200));
		scope.done();
	});

	test('empty result: no items, no error', async () => {
		const scope = api()
			.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
			.reply(200, { userstasks: [] }, roomy);
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		scope.done();
	});

	test('Limit below the page size asks for that many and stops after one page', async () => {
		const scope = api()
			.get(exactly('where=user_id%3D241185&page=0&page_size=30'))
			.reply(200, { userstasks: assignments(1, 30) }, roomy);
		const result = await getMany({ returnAll: false, limit: 30 });
		expect(ids(result.items)).toEqual(range(1, 30));
		scope.done();
	});

	test('Limit across pages stops inside the second page', async () => {
		const scope = api()
			.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
			.reply(200, { userstasks: assignments(1, 100) }, roomy)
			.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
			.reply(200, { userstasks: assignments(101, 100) }, roomy);
		const result = await getMany({ returnAll: false, limit: 150 });
		expect(ids(result.items)).toEqual(range(1, 150));
		scope.done();
	});

	test.each([
		['more records than a page', 120],
		['exactly a page of records', 100],
	])(
		'an endpoint that ignores page/page_size (%s): the repeated page ends the walk, no duplicates',
		async (_name, count) => {
			const scope = api()
				.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
				.reply(200, { userstasks: assignments(1, count) }, roomy)
				.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
				.reply(200, { userstasks: assignments(1, count) }, roomy);
			const result = await getMany({ returnAll: true });
			expect(result.error).toBeUndefined();
			expect(ids(result.items)).toEqual(range(1, count));
			scope.done();
		},
	);
});

describe('Get Many: where', () => {
	test.each<[string, Record<string, NodeParameterValueType>, string]>([
		[
			'one user',
			{ filterBy: 'user', userId: { __rl: true, mode: 'id', value: '241185' } },
			'user_id%3D241185',
		],
		[
			'several users',
			{ filterBy: 'user', userId: '241185, 241186' },
			'user_id%20in%20%28241185%2C241186%29',
		],
		[
			'one task',
			{ filterBy: 'task', taskId: { __rl: true, mode: 'id', value: '1536' } },
			'task_id%3D1536',
		],
		[
			'several tasks',
			{ filterBy: 'task', taskId: '1533,1536' },
			'task_id%20in%20%281533%2C1536%29',
		],
		[
			'user and a task filter',
			{
				filterBy: 'user',
				userId: { __rl: true, mode: 'id', value: '241185' },
				filters: { taskId: { __rl: true, mode: 'id', value: '1536' } },
			},
			'user_id%3D241185%20and%20task_id%3D1536',
		],
		[
			'task and a user filter',
			{
				filterBy: 'task',
				taskId: { __rl: true, mode: 'id', value: '1536' },
				filters: { userId: '7,8' },
			},
			'task_id%3D1536%20and%20user_id%20in%20%287%2C8%29',
		],
		[
			'created since (UTC) as a Unix timestamp',
			{ filters: { createdSince: '2020-03-11T19:20:41Z' } },
			'user_id%3D241185%20and%20created_on%3E%3D1583954441',
		],
		[
			'created before, with an offset',
			{ filters: { createdBefore: '2020-03-11T20:20:41+01:00' } },
			'user_id%3D241185%20and%20created_on%3C1583954441',
		],
		[
			'updated since, a date in the workflow time zone (America/New_York, EDT)',
			{ filters: { updatedSince: '2020-03-11' } },
			'user_id%3D241185%20and%20updated_on%3E%3D1583899200',
		],
		[
			'updated before, space-separated date-time without offset (workflow time zone)',
			{ filters: { updatedBefore: '2020-03-11 15:20:41' } },
			'user_id%3D241185%20and%20updated_on%3C1583954441',
		],
		[
			'created since from an expression giving a JS Date',
			{ filters: { createdSince: '={{ new Date("2020-03-11T19:20:41Z") }}' } },
			'user_id%3D241185%20and%20created_on%3E%3D1583954441',
		],
		[
			'created before from an expression giving a Luxon DateTime',
			{ filters: { createdBefore: '={{ DateTime.fromISO("2020-03-11T19:20:41Z") }}' } },
			'user_id%3D241185%20and%20created_on%3C1583954441',
		],
		[
			'task complete',
			{ filters: { taskComplete: true } },
			'user_id%3D241185%20and%20task_complete%3Dtrue',
		],
		[
			'task open',
			{ filters: { taskComplete: false } },
			'user_id%3D241185%20and%20task_complete%3Dfalse',
		],
		[
			'every condition at once, in order',
			{
				filterBy: 'task',
				taskId: { __rl: true, mode: 'id', value: '1536' },
				filters: {
					userId: { __rl: true, mode: 'id', value: '241185' },
					createdSince: '2020-03-11T19:20:41Z',
					createdBefore: '2020-03-12T00:00:00Z',
					updatedSince: '2020-03-11T19:20:41Z',
					updatedBefore: '2020-03-12T00:00:00Z',
					taskComplete: false,
				},
			},
			'task_id%3D1536%20and%20user_id%3D241185%20and%20created_on%3E%3D1583954441%20and%20created_on%3C1583971200%20and%20updated_on%3E%3D1583954441%20and%20updated_on%3C1583971200%20and%20task_complete%3Dfalse',
		],
	])('%s', async (_name, parameters, where) => {
		const scope = api()
			.get(exactly(`where=${where}&page=0&page_size=100`))
			.reply(200, { userstasks: assignments(1, 2) }, roomy);
		const result = await getMany({ returnAll: true, ...parameters });
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual([1, 2]);
		scope.done();
	});
});

describe('Get Many: include', () => {
	test('user and task are requested and arrive nested in each item, without the wrapper', async () => {
		const nested = [
			{
				id: 15200864,
				user_id: 241185,
				task_id: 1536,
				user: { id: 241185, name: 'Ann Example', email: 'ann@example.com' },
				task: { id: 1536, name: 'Design review', project_id: 77 },
			},
			{
				id: 15200865,
				user_id: 241185,
				task_id: 1533,
				user: { id: 241185, name: 'Ann Example', email: 'ann@example.com' },
				task: { id: 1533, name: 'Kick-off', project_id: 77 },
			},
		];
		const scope = api()
			.get(exactly('where=user_id%3D241185&include=user%2Ctask&page=0&page_size=100'))
			.reply(200, { userstasks: nested }, roomy);
		const result = await getMany({ returnAll: true, options: { include: ['user', 'task'] } });
		expect(result.items.map((item) => item.json)).toEqual(nested);
		scope.done();
	});
});

describe('Get Many: bad input sends no request', () => {
	test.each<[string, Record<string, NodeParameterValueType>, string]>([
		[
			'empty user ID (from an expression)',
			{ userId: '={{ "" }}' },
			'User ID must be a numeric ID or IDs separated by commas, got "" [item 0]',
		],
		[
			'non-numeric user ID',
			{ userId: '24x' },
			'User ID must be a numeric ID or IDs separated by commas, got "24x" [item 0]',
		],
		[
			'a path in the task ID',
			{ filterBy: 'task', taskId: '1/../2' },
			'Task ID must be a numeric ID or IDs separated by commas, got "1/../2" [item 0]',
		],
		[
			'an empty entry in an ID list',
			{ userId: '1,,2' },
			'User ID must be a numeric ID or IDs separated by commas, got "1,,2" [item 0]',
		],
		[
			'a bad task filter',
			{ filters: { taskId: 'abc' } },
			'Filter "Task ID" must be a numeric ID or IDs separated by commas, got "abc" [item 0]',
		],
		[
			'a bad date',
			{ filters: { createdSince: 'yesterday' } },
			'Filter "Created Since" must be a date, got "yesterday" [item 0]',
		],
		[
			'an impossible date',
			{ filters: { updatedBefore: '2020-02-31' } },
			'Filter "Updated Before" must be a date, got "2020-02-31" [item 0]',
		],
		[
			'a non-boolean task complete',
			{ filters: { taskComplete: '={{ "maybe" }}' } },
			'Filter "Task Complete" must be true or false, got "maybe" [item 0]',
		],
		[
			'Limit 0',
			{ returnAll: false, limit: 0 },
			'Limit must be a whole number 1 or more, got 0 [item 0]',
		],
	])('%s', async (_name, parameters, message) => {
		let sent = 0;
		api()
			.get(() => true)
			.optionally()
			.reply(() => {
				sent++;
				return [200, { userstasks: [] }];
			});
		const result = await getMany({ returnAll: true, ...parameters });
		expect(result.error?.message).toBe(message);
		expect(sent).toBe(0);
	});
});

describe('Get Many: rate limit', () => {
	test('a 429 mid-walk waits Retry-After, repeats that page and returns every item once', async () => {
		const scope = api()
			.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
			.reply(200, { userstasks: assignments(1, 100) }, roomy)
			.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
			.reply(
				429,
				{ message: 'Too Many Requests' },
				{
					'Retry-After': '3',
					'X-Ratelimit-Limit': '5',
					'X-Ratelimit-Remaining': '0',
					'X-Ratelimit-Decay-Period': '5',
				},
			)
			.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
			.reply(200, { userstasks: assignments(101, 100) }, roomy)
			.get(exactly('where=user_id%3D241185&page=2&page_size=100'))
			.reply(200, { userstasks: assignments(201, 5) }, roomy);
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(range(1, 205));
		expect(jest.mocked(sleep).mock.calls).toEqual([[3_000]]);
		scope.done();
	});

	test('429 for longer than one request waits for a rate limit (10 min): the vendor message, the rate-limit hint and the wait', async () => {
		// A refusal is not a failed attempt: it is sent again whatever the attempt count, for as
		// long as the waits add up to no more than 10 minutes.
		const scope = api()
			.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
			.times(11)
			.reply(429, { message: 'Too Many Requests' }, { 'Retry-After': '60' });
		const result = await getMany({ returnAll: true });
		expect(result.error?.message).toBe('Too Many Requests');
		expect(result.error?.description).toContain('Paymo allows only a few requests');
		expect(result.error?.description).toContain(
			'Refused 11 times; the node waited 600 s for the rate limit in all',
		);
		expect(jest.mocked(sleep).mock.calls).toEqual(Array.from({ length: 10 }, () => [60_000]));
		scope.done();
	});

	describe('on a virtual clock that the fake sleep moves forward', () => {
		beforeEach(() => {
			let now = 1_700_000_000_000;
			jest.spyOn(Date, 'now').mockImplementation(() => now);
			jest.mocked(sleep).mockImplementation(async (ms = 0) => {
				now += ms;
			});
		});
		afterEach(() => {
			jest.restoreAllMocks();
			jest.mocked(sleep).mockImplementation(async () => {});
		});

		test('pages go out back to back while requests are left, and wait a decay period when none are', async () => {
			const left = (remaining: string) => ({ ...roomy, 'X-Ratelimit-Remaining': remaining });
			const scope = api()
				.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
				.reply(200, { userstasks: assignments(1, 100) }, left('1'))
				.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
				.reply(
					200,
					{ userstasks: assignments(101, 100) },
					{ ...left('0'), 'X-Ratelimit-Decay-Period': '7' },
				)
				.get(exactly('where=user_id%3D241185&page=2&page_size=100'))
				.reply(200, { userstasks: assignments(201, 100) }, left('4'))
				.get(exactly('where=user_id%3D241185&page=3&page_size=100'))
				.reply(200, { userstasks: [] }, left('3'));
			const result = await getMany({ returnAll: true });
			expect(ids(result.items)).toEqual(range(1, 300));
			expect(jest.mocked(sleep).mock.calls).toEqual([[7_000]]);
			scope.done();
		});

		test('a 429 without Retry-After waits one decay period in all before the page is repeated', async () => {
			const scope = api()
				.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
				.reply(429, { message: 'Too Many Requests' }, { ...roomy, 'X-Ratelimit-Remaining': '0' })
				.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
				.reply(200, { userstasks: assignments(1, 3) }, roomy);
			const result = await getMany({ returnAll: true });
			expect(ids(result.items)).toEqual([1, 2, 3]);
			// The decay period the pacer asked for, which the credential's pause holds.
			const waits = jest.mocked(sleep).mock.calls.map(([ms]) => ms ?? 0);
			expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(5_000);
			scope.done();
		});

		test.each([
			['waits', 'the same credential', 'paymo-key-a', 'paymo-key-a', [[5_000]]],
			['does not wait', 'another credential', 'paymo-key-b', 'paymo-key-c', []],
		])(
			'a later node %s for a window %s spent (the limit is per API key, not per node run)',
			async (_, __, first, second, waits) => {
				const page = exactly('where=user_id%3D241185&page=0&page_size=100');
				const scope = api()
					.get(page)
					.reply(200, { userstasks: assignments(1, 3) }, { ...roomy, 'X-Ratelimit-Remaining': '0' })
					.get(page)
					.reply(200, { userstasks: assignments(1, 3) }, roomy);
				await getMany({ returnAll: true }, first);
				expect(jest.mocked(sleep).mock.calls).toEqual([]);
				const result = await getMany({ returnAll: true }, second);
				expect(ids(result.items)).toEqual([1, 2, 3]);
				expect(jest.mocked(sleep).mock.calls).toEqual(waits);
				scope.done();
			},
		);

		test('without rate-limit headers, requests are spaced one second apart', async () => {
			const scope = api()
				.get(exactly('where=user_id%3D241185&page=0&page_size=100'))
				.reply(200, { userstasks: assignments(1, 100) })
				.get(exactly('where=user_id%3D241185&page=1&page_size=100'))
				.reply(200, { userstasks: assignments(101, 10) });
			const result = await getMany({ returnAll: true });
			expect(ids(result.items)).toEqual(range(1, 110));
			expect(jest.mocked(sleep).mock.calls).toEqual([[1_000]]);
			scope.done();
		});
	});
});

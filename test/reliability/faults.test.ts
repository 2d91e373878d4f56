import { sleep } from 'n8n-workflow';
import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import type { RequestLogEntry } from '../../sandbox/server';
import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';
import type { SandboxVendor } from './vendors';
import { sandboxVendors } from './vendors';

// Return All over more than 5,000 assignments per vendor, through n8n's engine, against the
// sandbox injecting the faults of issue #9 and the cut-off answers of issue 14. Waits go through the mocked `sleep`, so the suite
// checks what the node waits without spending the time.

interface Vendor extends SandboxVendor {
	create: Record<string, NodeParameterValueType>;
	update: (id: string) => Record<string, NodeParameterValueType>;
}

const vendors: Vendor[] = [
	{
		...sandboxVendors.kantata,
		create: { storyId: '26100001', assigneeId: '3700001', additionalFields: {} },
		update: (id) => ({ assignmentId: id, updateFields: { estimatedMinutes: 480 } }),
	},
	{
		...sandboxVendors.rm,
		create: {
			userId: '30256',
			assignableId: '183760',
			startsAt: '2026-01-05',
			endsAt: '2026-01-30',
			allocationMode: 'percent',
			percent: 50,
			additionalFields: {},
		},
		update: (id) => ({
			assignmentId: id,
			allocationMode: 'unchanged',
			updateFields: { note: 'retried' },
		}),
	},
	{
		...sandboxVendors.xurrent,
		create: {
			authentication: 'accessToken',
			taskId: '1002',
			assigneeId: '41',
			additionalFields: {},
		},
		update: (id) => ({
			authentication: 'accessToken',
			taskId: '1002',
			assignmentId: id,
			updateFields: { plannedEffort: 120 },
		}),
	},
	{
		...sandboxVendors.paymo,
		create: { userId: '241184', taskId: '48591' },
		update: (id) => ({ assignmentId: id, updateFields: { userId: '241185' } }),
	},
];

// Xurrent and Paymo keep about 30 % of all assignments on the listed task or user.
let onRequest: (entry: RequestLogEntry) => void = () => undefined;
const env = useSandbox({
	size: { kantata: 6800, rm: 5400, xurrent: 17000, paymo: 17000 },
	latencyMs: [0, 3],
	onRequest: (entry) => onRequest(entry),
});

const issueFaults = {
	rate429: 0.05,
	rate429NoRetryAfter: 0.05,
	rate5xx: 0.05,
	status5xx: [503],
	drop: 0.02,
	cutOff: 0.02,
};

async function run(
	v: Vendor,
	operation: string,
	parameters: Record<string, NodeParameterValueType>,
	extra: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({
		node: v.node,
		parameters: { resource: 'assignment', operation, ...parameters },
		credentials: env.credentials(v.credential),
		...extra,
	});
}

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);
const listRequests = (log: RequestLogEntry[]) => log.filter((entry) => entry.method === 'GET');
const pageKey = (entry: RequestLogEntry) => `${entry.path}?${JSON.stringify(entry.query)}`;
const waits = () => jest.mocked(sleep).mock.calls.map(([ms]) => ms);

afterEach(() => {
	onRequest = () => undefined;
	env.sandbox.setFaults({});
	env.sandbox.setLatency([0, 3]);
});

const injected: Record<string, number> = {};

describe.each(vendors)('$label', (v) => {
	let truth: Array<{ json: IDataObject }> = [];

	it('Return All without faults reads more than 5,000 assignments, each once (ground truth)', async () => {
		env.sandbox.clearRequests();
		const result = await run(v, 'getAll', v.list);
		expect(result.error).toBeUndefined();
		truth = result.items;
		expect(truth.length).toBeGreaterThan(5000);
		expect(new Set(ids(truth)).size).toBe(truth.length);
		expect(listRequests(env.sandbox.requests).every((entry) => entry.status === 200)).toBe(true);
	});

	it('Return All under 10 % 429, 5 % 503, 2 % dropped connections, 2 % cut-off answers and latency: exactly the ground truth, three runs in a row', async () => {
		env.sandbox.setFaults({ ...issueFaults, vendors: [v.vendor] });
		const pages = Math.floor(truth.length / v.pageSize) + 1;
		for (let round = 0; round < 3; round++) {
			env.sandbox.clearRequests();
			jest.mocked(sleep).mockClear();
			const result = await run(v, 'getAll', v.list);

			expect(result.error).toBeUndefined();
			// Same records, same order, same content: nothing lost, doubled or reordered.
			expect(ids(result.items)).toEqual(ids(truth));
			expect(result.items.map((item) => item.json)).toEqual(truth.map((item) => item.json));

			const log = listRequests(env.sandbox.requests);
			const faults = log.filter((entry) => entry.fault);
			for (const entry of faults) injected[entry.fault!] = (injected[entry.fault!] ?? 0) + 1;
			// Every failed attempt was repeated, and nothing else was: one answered request a page.
			const answered = log.filter((entry) => entry.status === 200 && !entry.fault);
			expect(new Set(answered.map(pageKey)).size).toBe(answered.length);
			expect(answered.length).toBeLessThanOrEqual(pages + 1);
			expect(log.length).toBe(answered.length + faults.length);
			// Within the documented bound: at most 5 attempts a page, no wait over 30 s.
			const attempts = new Map<string, number>();
			for (const entry of log)
				attempts.set(pageKey(entry), (attempts.get(pageKey(entry)) ?? 0) + 1);
			expect(Math.max(...attempts.values())).toBeLessThanOrEqual(5);
			expect(Math.max(0, ...waits())).toBeLessThanOrEqual(30_000);
			// A 429 with Retry-After: 1 was waited out exactly as asked.
			if (faults.some((entry) => entry.fault === '429')) expect(waits()).toContain(1000);
		}
		expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
	});

	it.each([
		['answers 503 every time', { rate5xx: 1, status5xx: [503] }, /Attempts: 5\./],
		['drops every connection', { drop: 1 }, /No answer after 5 attempts/],
		['cuts off every answer', { cutOff: 1 }, /arriving, after 5 attempts/],
	])(
		'a Return All that cannot succeed (the service %s from page 3 on) ends with an error naming the page and the attempts',
		async (_, faults, attemptsText) => {
			env.sandbox.clearRequests();
			let served = 0;
			onRequest = (entry) => {
				if (entry.method === 'GET' && entry.status === 200 && ++served === 2)
					env.sandbox.setFaults({ ...faults, vendors: [v.vendor] });
			};
			const result = await run(v, 'getAll', v.list);

			expect(result.items).toEqual([]);
			expect(result.error?.description).toMatch(attemptsText);
			expect(result.error?.description).toContain(
				`Failed while reading page 3 of the list, after ${2 * v.pageSize} records.`,
			);
			const log = listRequests(env.sandbox.requests);
			expect(log).toHaveLength(2 + 5);
			expect(log.slice(2).every((entry) => entry.fault)).toBe(true);
		},
	);

	let createdId = '';

	it('Create: a refused (429) request is sent again; one that may have run (503, dropped) fails its item only', async () => {
		env.sandbox.clearRequests();
		// Item 0 meets a 429 and, sent again, a 503; item 1 a dropped connection; item 2 nothing.
		env.sandbox.injectFaults([
			{ type: '429', vendor: v.vendor },
			{ type: '5xx', status: 503, vendor: v.vendor },
			{ type: 'drop', vendor: v.vendor },
		]);
		const result = await run(v, 'create', v.create, { items: [{}, {}, {}], continueOnFail: true });

		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].json.error).toEqual(expect.any(String));
		expect(result.items[1].json.error).toEqual(expect.any(String));
		expect(result.items[2].json.id).toBeDefined();
		createdId = String(result.items[2].json.id);
		const posts = env.sandbox.requests.filter((entry) => entry.method === 'POST');
		// Only the refused request was repeated: one record created, none twice.
		expect(posts.map((entry) => entry.fault)).toEqual(['429', '5xx', 'drop', null]);
		expect(posts.filter((entry) => entry.status !== null && entry.status < 300)).toHaveLength(1);
	});

	it('Create: a cut-off answer is not sent again; the item error says the record may exist and how to check', async () => {
		env.sandbox.clearRequests();
		env.sandbox.injectFaults([{ type: 'cut-off', vendor: v.vendor }]);
		const result = await run(v, 'create', v.create, { continueOnFail: true });

		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('The answer was cut off before it was complete');
		expect(result.items[0].error?.description).toContain(
			'the record may exist: look for it (e.g. with Get Many) before running this item again',
		);
		const posts = env.sandbox.requests.filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => entry.fault)).toEqual(['cut-off']);
	});

	it('Update: a 503, a dropped connection and a cut-off answer are retried (repeating an update cannot duplicate it)', async () => {
		env.sandbox.clearRequests();
		env.sandbox.injectFaults([
			{ type: '5xx', status: 503, vendor: v.vendor },
			{ type: 'drop', vendor: v.vendor },
			{ type: 'cut-off', vendor: v.vendor },
		]);
		const result = await run(v, 'update', v.update(createdId));

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(String(result.items[0].json.id)).toBe(createdId);
		const writes = env.sandbox.requests.filter((entry) => entry.method !== 'GET');
		expect(writes.map((entry) => entry.fault)).toEqual(['5xx', 'drop', 'cut-off', null]);
	});
});

describe('all vendors', () => {
	it('the fault runs met every kind of fault the issue names', () => {
		for (const kind of ['429', '429-no-retry-after', '5xx', 'drop', 'cut-off'])
			expect(injected[kind]).toBeGreaterThan(0);
	});
});

describe('request timeout', () => {
	const kantata = vendors[0];

	it('a read from a hung service ends within its Timeout: attempts, answers and waits together', async () => {
		env.sandbox.setLatency(1500);
		const started = Date.now();
		const result = await run(kantata, 'get', {
			authentication: 'accessToken',
			assignmentId: '1000001',
			requestOptions: { timeout: 300 },
		});
		expect(Date.now() - started).toBeLessThan(800);
		expect(result.error?.message).toBe('The service did not answer within 300 ms');
		expect(result.error?.description).toContain('No answer after 1 attempt (');
		expect(result.error?.description).toContain('raise Timeout under Request Options');
	});

	it('a retry wait that does not fit in what is left of the Timeout is not started', async () => {
		env.sandbox.clearRequests();
		jest.mocked(sleep).mockClear();
		env.sandbox.injectFaults([{ type: '429', vendor: 'kantata', retryAfterSeconds: 1 }]);
		const result = await run(kantata, 'get', {
			authentication: 'accessToken',
			assignmentId: '1000001',
			requestOptions: { timeout: 900 },
		});
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toContain(
			'Trying again would not have fitted in the request’s Timeout (900 ms',
		);
		expect(waits()).toEqual([]);
		expect(env.sandbox.requests).toHaveLength(1);
	});

	it('a create that timed out is not sent again (it may have been carried out), and fails only its item', async () => {
		env.sandbox.setLatency(600);
		env.sandbox.clearRequests();
		const result = await run(
			kantata,
			'create',
			{ ...kantata.create, authentication: 'accessToken', requestOptions: { timeout: 100 } },
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json.error).toBe('The service did not answer within 100 ms');
		// The sandbox logs a request once it answers: wait for the late answer, then count.
		await new Promise<void>((resolve) => {
			if (env.sandbox.requests.length > 0) resolve();
			else onRequest = () => resolve();
		});
		expect(env.sandbox.requests.filter((entry) => entry.method === 'POST')).toHaveLength(1);
	});

	it.each([0, -1, 1.5, 'soon'])('refuses Timeout %p before sending anything', async (timeout) => {
		env.sandbox.clearRequests();
		const result = await run(kantata, 'get', {
			authentication: 'accessToken',
			assignmentId: '1000001',
			requestOptions: { timeout },
		});
		expect(result.error?.message).toMatch(
			/^Timeout must be a whole number 1 or more, got .* \[item 0\]$/,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

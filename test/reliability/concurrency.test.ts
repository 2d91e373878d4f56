import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { freeCreateInputs } from '../../sandbox/lib/freeInputs';
import type { VendorName } from '../../sandbox/server';
import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';
import { sandboxVendors } from './vendors';

// Issue 20: several items' requests at once. Against the sandbox with random latency (so answers
// come back out of order) and a storm of 429s: every item's output in input order and paired,
// every create carried out exactly once, no item lost.

const env = useSandbox({
	size: { kantata: 400, rm: 400, xurrent: 400, paymo: 400 },
	latencyMs: [0, 15],
});

/** Create parameters reading each item's own IDs (the bench's bulk Create uses the same). */
const createParameters: Record<VendorName, Record<string, NodeParameterValueType>> = {
	kantata: {
		authentication: 'accessToken',
		storyId: '={{ $json.storyId }}',
		resourceId: '={{ $json.resourceId }}',
		additionalFields: {},
	},
	rm: {
		userId: '={{ $json.userId }}',
		assignableId: '={{ $json.assignableId }}',
		startsAt: '={{ $json.startsAt }}',
		endsAt: '={{ $json.endsAt }}',
		allocationMode: 'percent',
		percent: '={{ $json.percent }}',
		additionalFields: {},
	},
	xurrent: {
		authentication: 'accessToken',
		taskId: '={{ $json.taskId }}',
		assigneeId: '={{ $json.assigneeId }}',
		additionalFields: {},
	},
	paymo: { userId: '={{ $json.userId }}', taskId: '={{ $json.taskId }}' },
};

const vendors = Object.values(sandboxVendors);

describe.each(vendors)('$label, items at once', (v) => {
	afterEach(() => {
		env.sandbox.setFaults({});
	});

	it('Create of 24 items under a storm of 429s: each carried out exactly once, in input order, none lost', async () => {
		env.sandbox.reset();
		const items = freeCreateInputs(env.sandbox.state, v.vendor, 24) as IDataObject[];
		env.sandbox.setFaults({ rate429: 0.3, vendors: [v.vendor] });
		const result = await runNode({
			node: v.node,
			parameters: { resource: 'assignment', operation: 'create', ...createParameters[v.vendor] },
			credentials: env.credentials(v.credential),
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.error)).toEqual(items.map(() => undefined));
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const posts = env.sandbox.requests.filter((entry) => entry.method === 'POST');
		const carriedOut = posts.filter((entry) => entry.status !== null && entry.status < 300);
		expect(posts.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
		expect(carriedOut).toHaveLength(24);
		const ids = result.items.map((item) => String(item.json.id));
		expect(new Set(ids).size).toBe(24);
	});

	it('Get of 24 items whose answers come back out of order: outputs in input order, each paired', async () => {
		env.sandbox.reset();
		const listed = await runNode({
			node: v.node,
			parameters: {
				resource: 'assignment',
				operation: 'getAll',
				...v.list,
				returnAll: false,
				limit: 24,
			},
			credentials: env.credentials(v.credential),
		});
		const wanted = listed.items.map((item) => item.json);
		expect(wanted).toHaveLength(24);
		const result = await runNode({
			node: v.node,
			parameters: {
				resource: 'assignment',
				operation: 'get',
				...getParameters(v.vendor),
			},
			credentials: env.credentials(v.credential),
			items: wanted.map((record) => ({ id: String(record.id) })),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => String(item.json.id))).toEqual(
			wanted.map((r) => String(r.id)),
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			wanted.map((_, item) => ({ item })),
		);
	});
});

function getParameters(vendor: VendorName): Record<string, NodeParameterValueType> {
	const id = { assignmentId: '={{ $json.id }}' };
	if (vendor === 'kantata') return { authentication: 'accessToken', ...id, options: {} };
	if (vendor === 'xurrent') return { authentication: 'accessToken', taskId: '1001', ...id };
	return id;
}

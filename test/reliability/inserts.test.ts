import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import type { RequestLogEntry, Sandbox } from '../../sandbox/server';
import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';
import type { SandboxVendor } from './vendors';
import { sandboxVendors } from './vendors';

// Records created while a Return All pages through a list. Every vendor's list here is in
// creation (ID) order, so new records come after the read position: the node returns what
// existed, plus what was created before it reached the end, each once. Where records are
// inserted before the read position (Kantata OX newest first), later pages shift by one and the
// node drops the repeated record instead of returning it twice.

interface Vendor extends SandboxVendor {
	/** Creates records in the listed collection directly in the sandbox; returns their IDs. */
	insert: (sandbox: Sandbox) => unknown[];
}

const createdId = (
	response: { status: number; body?: unknown },
	pick: (body: IDataObject) => unknown,
) => (response.status < 300 ? pick(response.body as IDataObject) : undefined);

/** The first `count` candidates the sandbox accepts (others are already assigned). */
function firstAccepted(
	count: number,
	candidates: number[],
	create: (candidate: number) => unknown,
) {
	const ids: unknown[] = [];
	for (const candidate of candidates) {
		const id = create(candidate);
		if (id !== undefined) ids.push(id);
		if (ids.length === count) break;
	}
	return ids;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

const vendors: Vendor[] = [
	{
		...sandboxVendors.kantata,
		// The one free pair of task and named user the seed keeps.
		insert: (sandbox) => [
			createdId(
				sandbox.direct('kantata', {
					method: 'POST',
					path: '/assignments.json',
					body: { assignment: { story_id: '26100001', assignee_id: '3700001' } },
				}),
				(body) => (body.results as IDataObject[])[0].id,
			),
		],
	},
	{
		...sandboxVendors.rm,
		insert: (sandbox) =>
			firstAccepted(2, [183760, 183761], (project) =>
				createdId(
					sandbox.direct('rm', {
						method: 'POST',
						path: '/users/30256/assignments',
						body: {
							assignable_id: project,
							starts_at: '2026-01-05',
							ends_at: '2026-01-09',
							percent: 0.5,
						},
					}),
					(body) => body.id,
				),
			),
	},
	{
		...sandboxVendors.xurrent,
		insert: (sandbox) =>
			firstAccepted(2, range(100, 2000), (person) =>
				createdId(
					sandbox.direct('xurrent', {
						method: 'POST',
						path: '/project_tasks/1001/assignments',
						body: { assignee_id: person },
					}),
					(body) => body.id,
				),
			),
	},
	{
		...sandboxVendors.paymo,
		insert: (sandbox) =>
			firstAccepted(2, range(48591, 2000), (task) =>
				createdId(
					sandbox.direct('paymo', {
						method: 'POST',
						path: '/userstasks',
						body: { user_id: 241185, task_id: task },
					}),
					(body) => (body.userstasks as IDataObject[])[0].id,
				),
			),
	},
];

let onRequest: (entry: RequestLogEntry) => void = () => undefined;
const env = useSandbox({
	size: { kantata: 1500, rm: 2500, xurrent: 1500, paymo: 1500 },
	onRequest: (entry) => onRequest(entry),
});

afterEach(() => {
	onRequest = () => undefined;
});

async function list(v: Vendor, parameters: Record<string, NodeParameterValueType> = {}) {
	const result = await runNode({
		node: v.node,
		parameters: { resource: 'assignment', operation: 'getAll', ...v.list, ...parameters },
		credentials: env.credentials(v.credential),
	});
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json.id);
}

/** Runs `change` once, right after the list's second page was answered. */
function afterSecondPage(change: () => void) {
	let pages = 0;
	onRequest = (entry) => {
		if (entry.method === 'GET' && entry.status === 200 && ++pages === 2) change();
	};
}

describe.each(vendors)('$label', (v) => {
	it('records created while Return All pages are returned once, after the ones that existed', async () => {
		const before = await list(v);
		expect(before.length).toBeGreaterThan(300);
		let inserted: unknown[] = [];
		afterSecondPage(() => (inserted = v.insert(env.sandbox)));

		const during = await list(v);

		expect(inserted.length).toBeGreaterThan(0);
		expect(inserted.every((id) => id !== undefined)).toBe(true);
		expect(during).toEqual([...before, ...inserted]);
		expect(new Set(during).size).toBe(during.length);
	});
});

describe('Kantata OX, newest first', () => {
	const own = useSandbox({
		size: { kantata: 1500 },
		onRequest: (entry) => onRequest(entry),
	});

	it('records created before the read position shift later pages by one each: none is returned twice', async () => {
		const kantata = {
			...vendors[0],
			list: { ...vendors[0].list, options: { order: 'created_at:desc' } },
		};
		const read = async () => {
			const result = await runNode({
				node: kantata.node,
				parameters: { resource: 'assignment', operation: 'getAll', ...kantata.list },
				credentials: own.credentials(kantata.credential),
			});
			expect(result.error).toBeUndefined();
			return result.items.map((item) => item.json.id);
		};
		const before = await read();
		let inserted: unknown[] = [];
		// A new record at the top pushes the last one of page 2 onto page 3.
		afterSecondPage(() => (inserted = kantata.insert(own.sandbox)));

		const during = await read();

		expect(inserted).toHaveLength(1);
		expect(inserted[0]).toBeDefined();
		expect(new Set(during).size).toBe(during.length);
		expect(during).toEqual(before);
		// Page 3 really did repeat two records: the node dropped them.
		const pages = own.sandbox.requests.filter((entry) => entry.method === 'GET');
		expect(pages.length).toBeGreaterThan(3);
	});
});

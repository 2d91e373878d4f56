import type { NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';
import { sandboxVendors } from './vendors';

// Issue 14 item 1: a credential never follows a redirect to another origin. Each node lists a
// page from the sandbox, which first answers with a redirect to the same path: relative, absolute
// on its own origin, or absolute on another loopback origin (127.0.0.2, intercepted here).

const env = useSandbox({ size: 300 });
const elsewhere = 'http://127.0.0.2:1';
const statuses = [301, 302, 303, 307, 308];
const vendors = Object.values(sandboxVendors);

async function list(
	v: (typeof vendors)[number],
	extra: Record<string, NodeParameterValueType> = {},
) {
	return await runNode({
		node: v.node,
		parameters: { resource: 'assignment', operation: 'getAll', ...v.list, ...extra },
		credentials: env.credentials(v.credential),
	});
}
const firstPage = { returnAll: false, limit: 3 };

describe.each(vendors)('$label', (v) => {
	let truth: unknown[] = [];

	beforeAll(async () => {
		truth = (await list(v, firstPage)).items.map((item) => item.json);
	});

	it.each(
		statuses.flatMap((status) => [[status, 'relative'] as const, [status, 'absolute'] as const]),
	)(
		'follows a %i with a %s Location on its own origin, credentials and all',
		async (status, kind) => {
			expect(truth).toHaveLength(3);
			env.sandbox.clearRequests();
			const to = kind === 'absolute' ? env.sandbox.url : undefined;
			env.sandbox.injectFaults([{ type: 'redirect', status, vendor: v.vendor, to }]);
			const result = await list(v, firstPage);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json)).toEqual(truth);
			const [redirected, followed] = env.sandbox.requests;
			expect(env.sandbox.requests).toHaveLength(2);
			expect(redirected.fault).toBe('redirect');
			expect(followed).toMatchObject({ method: 'GET', status: 200, fault: null });
			expect(followed.path).toBe(redirected.path);
			expect(followed.query).toEqual(redirected.query);
			expect(followed.auth.valid).toBe(true);
		},
	);

	it.each(
		statuses.flatMap((status) => [
			[status, 'an absolute', elsewhere] as const,
			[status, 'a scheme-relative', elsewhere.replace('http:', '')] as const,
		]),
	)(
		'refuses a %i with %s Location to another origin: nothing reaches it, the error names the status and both hosts',
		async (status, _, to) => {
			const other = nock(elsewhere).get(/.*/).reply(200, {});
			env.sandbox.clearRequests();
			env.sandbox.injectFaults([{ type: 'redirect', status, vendor: v.vendor, to }]);
			const result = await list(v, firstPage);

			const reached = other.isDone();
			nock.cleanAll();
			expect(reached).toBe(false);
			expect(result.items).toEqual([]);
			expect(result.error?.message).toBe(
				`The service redirected the request (HTTP ${status}) from ${env.sandbox.url} to ${elsewhere}`,
			);
			expect(result.error?.description).toContain(
				'Redirects are followed only on the credential’s host',
			);
			expect(env.sandbox.requests).toHaveLength(1);
		},
	);
});

describe('writes', () => {
	const paymo = sandboxVendors.paymo;
	const create = async () =>
		await runNode({
			node: paymo.node,
			parameters: {
				resource: 'assignment',
				operation: 'create',
				userId: '241184',
				taskId: '48591',
			},
			credentials: env.credentials(paymo.credential),
			continueOnFail: true,
		});

	it.each([307, 308])(
		'a %i on its own origin repeats the create with its body, once',
		async (status) => {
			env.sandbox.reset();
			env.sandbox.injectFaults([{ type: 'redirect', status, vendor: 'paymo' }]);
			const result = await create();

			expect(result.items[0].json.error).toBeUndefined();
			expect(result.items[0].json.id).toBeDefined();
			const posts = env.sandbox.requests.filter((entry) => entry.method === 'POST');
			expect(posts.map((entry) => entry.status)).toEqual([status, 201]);
			expect(posts[1].body).toEqual(posts[0].body);
		},
	);

	it.each([301, 302, 303])(
		'a %i to a create is not followed (clients disagree on repeating it): the item fails, nothing sent again',
		async (status) => {
			env.sandbox.clearRequests();
			env.sandbox.injectFaults([{ type: 'redirect', status, vendor: 'paymo' }]);
			const result = await create();

			expect(result.items[0].json.error).toBe(
				`The service redirected the request (HTTP ${status}) to ${env.sandbox.url}/paymo/api/userstasks`,
			);
			expect(result.items[0].error?.description).toContain('not sent again');
			expect(env.sandbox.requests).toHaveLength(1);
		},
	);

	it('a 307 to another origin: the create is not sent there', async () => {
		const other = nock(elsewhere).post(/.*/).reply(201, {});
		env.sandbox.clearRequests();
		env.sandbox.injectFaults([{ type: 'redirect', status: 307, vendor: 'paymo', to: elsewhere }]);
		const result = await create();

		const reached = other.isDone();
		nock.cleanAll();
		expect(reached).toBe(false);
		expect(result.items[0].json.error).toBe(
			`The service redirected the request (HTTP 307) from ${env.sandbox.url} to ${elsewhere}`,
		);
	});

	it('a redirect loop on its own origin ends after 5 redirects with an error', async () => {
		env.sandbox.clearRequests();
		env.sandbox.injectFaults(
			Array.from({ length: 8 }, () => ({ type: 'redirect' as const, vendor: 'paymo' as const })),
		);
		const result = await runNode({
			node: paymo.node,
			parameters: { resource: 'assignment', operation: 'getAll', ...paymo.list, ...firstPage },
			credentials: env.credentials(paymo.credential),
		});
		expect(result.error?.message).toBe('The service redirected the request more than 5 times');
		expect(env.sandbox.requests).toHaveLength(6);
		env.sandbox.setFaults({});
	});
});

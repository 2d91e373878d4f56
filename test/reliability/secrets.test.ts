import type { NodeParameterValueType } from 'n8n-workflow';

import {
	credentials as kantataCredentials,
	envelope,
	assignment,
	api,
} from '../KantataOx/fixtures';
import { logAsN8n } from '../harness/logs';
import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';

// Issue #9, secrets and hosts. Every engine run of the suite is already a secret scan (output
// items, error messages and descriptions, log lines): the first block proves that scan can fail.

describe('the secret scan of every run', () => {
	const token = kantataCredentials.kantataOxApi.accessToken;
	const get = async () =>
		await runNode({
			node: 'kantataOx',
			parameters: { resource: 'assignment', operation: 'get', assignmentId: '7' },
			credentials: kantataCredentials,
		});

	it('passes a clean run', async () => {
		api()
			.get('/api/v1/assignments/7.json')
			.query(true)
			.reply(200, envelope([assignment(7)]));
		expect((await get()).items).toHaveLength(1);
	});

	it('fails a run whose output holds the token', async () => {
		api()
			.get('/api/v1/assignments/7.json')
			.query(true)
			.reply(200, envelope([assignment(7, { note: `echo ${token}` })]));
		await expect(get()).rejects.toThrow(/secret appears/);
	});

	it('fails a run that logged the token', async () => {
		api()
			.get('/api/v1/assignments/7.json')
			.query(true)
			.reply(() => {
				logAsN8n(`request with ${token}`);
				return [200, envelope([assignment(7)])];
			});
		await expect(get()).rejects.toThrow(/secret appears in the run's output, errors or log lines/);
	});
});

describe('tokens travel only in headers, and the credentials work against the sandbox', () => {
	const env = useSandbox({ size: 300 });

	const runs: Array<[string, string, Record<string, NodeParameterValueType>]> = [
		['kantataOx', 'kantataOxApi', { authentication: 'accessToken' }],
		['smartsheetResourceManagement', 'smartsheetResourceManagementApi', { scope: 'all' }],
		[
			'xurrent',
			'xurrentApi',
			{ authentication: 'accessToken', taskId: { __rl: true, mode: 'id', value: '1001' } },
		],
		[
			'xurrent',
			'xurrentOAuth2Api',
			{ authentication: 'oAuth2', taskId: { __rl: true, mode: 'id', value: '1001' } },
		],
		[
			'paymo',
			'paymoApi',
			{ filterBy: 'user', userId: { __rl: true, mode: 'id', value: '241185' } },
		],
	];

	it.each(runs)('%s with %s', async (node, type, parameters) => {
		env.sandbox.clearRequests();
		const credentials = env.credentials(type);
		const result = await runNode({
			node,
			parameters: {
				resource: 'assignment',
				operation: 'getAll',
				returnAll: false,
				limit: 150,
				...parameters,
			},
			credentials,
		});

		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		const secrets = Object.entries(credentials[type])
			.filter(([name]) => /token|key|secret/i.test(name))
			.map(([, value]) => String(value));
		expect(secrets.length).toBeGreaterThan(0);
		expect(env.sandbox.requests.length).toBeGreaterThan(0);
		for (const request of env.sandbox.requests) {
			// The sandbox accepted the credential, and not from the URL.
			expect(request.auth.valid).toBe(true);
			const url = `${request.path}?${JSON.stringify(request.query)}`;
			for (const secret of secrets) expect(url).not.toContain(secret);
		}
	});
});

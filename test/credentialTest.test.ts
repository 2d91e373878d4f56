import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { KantataOxApi } from '../credentials/KantataOxApi.credentials';
import { PaymoApi } from '../credentials/PaymoApi.credentials';
import { SmartsheetResourceManagementApi } from '../credentials/SmartsheetResourceManagementApi.credentials';
import { XurrentApi } from '../credentials/XurrentApi.credentials';
import { runNode } from './harness/run';

/**
 * Issue 14 item 5: the credential's "Test" obeys the node's base-URL rules. n8n's
 * CredentialsTester runs `test.request` as the routing property of a stand-in declarative node
 * through n8n-core's RoutingNode (expressions see `$credentials`; the request goes through
 * httpRequestWithAuthentication, so through the credential's `authenticate`). This suite does the
 * same inside the engine: a blank base URL reaches the node's default host, and plain http:// to
 * a non-loopback host is refused before anything is sent, as the node refuses it.
 */
function testerNode(type: ICredentialType): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'Runs a credential test request as n8n does',
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: type.name, required: true }],
		properties: [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				default: '',
				routing: { request: type.test?.request },
			},
		],
	};
	return { description };
}

/** Runs the credential's test request; `attempts` lists every request nock had no reply for. */
async function runTest(type: ICredentialType, data: ICredentialDataDecryptedObject) {
	const attempts: string[] = [];
	const record = (request: Request) => {
		attempts.push(request.url);
	};
	nock.emitter.on('no match', record);
	try {
		const result = await runNode({
			node: 'credentialTest',
			nodeType: 'test.credentialTest',
			nodeTypes: { 'test.credentialTest': testerNode(type) },
			parameters: {},
			credentials: { [type.name]: data },
		});
		return { ...result, attempts };
	} finally {
		nock.emitter.removeListener('no match', record);
	}
}

interface Case {
	type: ICredentialType;
	secret: ICredentialDataDecryptedObject;
	/** Credential data with the base URL left blank, and the request the node would make. */
	blank?: { data: ICredentialDataDecryptedObject; origin: string; path: string; query?: object };
	/** Credential data pointing at a given base URL. */
	at: (baseUrl: string) => ICredentialDataDecryptedObject;
	/** The test request's path below the base URL. */
	path: string;
	query?: object;
}

const cases: Case[] = [
	{
		type: new KantataOxApi(),
		secret: { accessToken: 'dummy-kantata-test-81c2' },
		blank: {
			data: { baseUrl: '' },
			origin: 'https://api.mavenlink.com',
			path: '/api/v1/users/me.json',
		},
		at: (baseUrl) => ({ baseUrl }),
		path: '/users/me.json',
	},
	{
		type: new PaymoApi(),
		secret: { apiKey: 'dummy-paymo-test-5e17' },
		blank: { data: { baseUrl: '' }, origin: 'https://app.paymoapp.com', path: '/api/me' },
		at: (baseUrl) => ({ baseUrl }),
		path: '/me',
	},
	{
		type: new SmartsheetResourceManagementApi(),
		secret: { apiToken: 'dummy-rm-test-0b93' },
		blank: {
			data: { region: '' },
			origin: 'https://api.rm.smartsheet.com',
			path: '/api/v1/users',
			query: { per_page: '1' },
		},
		at: (baseUrl) => ({ region: 'custom', baseUrl }),
		path: '/users',
		query: { per_page: '1' },
	},
	{
		type: new XurrentApi(),
		secret: { accessToken: 'dummy-xurrent-test-6a40', accountId: 'widget' },
		at: (customUrl) => ({ environment: 'custom', customUrl }),
		path: '/project_tasks',
		query: { per_page: '1', fields: 'id' },
	},
];

describe.each(cases.map((c) => [c.type.name, c] as const))('credential test of %s', (_, c) => {
	const data = (extra: ICredentialDataDecryptedObject) => ({ ...c.secret, ...extra });

	if (c.blank) {
		const blank = c.blank;
		it('with a blank base URL calls the default host, as the node does', async () => {
			const scope = nock(blank.origin)
				.get(blank.path)
				.query(blank.query ?? {})
				.reply(200, {});
			const result = await runTest(c.type, data(blank.data));
			expect(result.error).toBeUndefined();
			expect(result.attempts).toEqual([]);
			expect(scope.isDone()).toBe(true);
		});
	}

	it('refuses plain http:// to a non-loopback host and sends nothing', async () => {
		const host = nock('http://api.example.com').get(/.*/).query(true).reply(200, {});
		const result = await runTest(c.type, data(c.at('http://api.example.com/api/v1')));
		expect(host.isDone()).toBe(false);
		nock.cleanAll();
		expect(result.error?.message).toBe('The base URL "http://api.example.com" must use https://');
		expect(result.attempts).toEqual([]);
	});

	it('refuses a base URL that is not a URL and sends nothing', async () => {
		const result = await runTest(c.type, data(c.at('api.example.com/api/v1')));
		expect(result.error?.message).toMatch(/^The base URL ".*" is not a valid URL$/);
		expect(result.attempts).toEqual([]);
	});

	it('accepts plain http:// on loopback (the local sandbox)', async () => {
		const scope = nock('http://127.0.0.1:4999')
			.get(`/api/v1${c.path}`)
			.query(c.query ?? {})
			.reply(200, {});
		const result = await runTest(c.type, data(c.at('http://127.0.0.1:4999/api/v1/')));
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});
});

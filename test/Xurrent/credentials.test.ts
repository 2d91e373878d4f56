import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeParameters,
	INodeTypes,
	NodeParameterValueType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { XurrentApi } from '../../credentials/XurrentApi.credentials';
import { XurrentOAuth2Api } from '../../credentials/XurrentOAuth2Api.credentials';
import { runNode } from '../harness/run';

const pat = 'dummy-xurrent-pat-a7f0';
const clientId = 'dummy-xurrent-client-id';
const clientSecret = 'dummy-xurrent-client-secret-22c4';
const listPath = '/project_tasks/5/assignments';

const nodeTypes = {
	getByName: () => undefined,
	getByNameAndVersion: () => undefined,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;
const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes });
const mockNode: INode = {
	id: 'mock',
	name: '',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Credential data as n8n hands it to a node: defaults filled in, `$self` expressions resolved. */
function resolved(type: ICredentialType, data: ICredentialDataDecryptedObject) {
	const merged: ICredentialDataDecryptedObject = {};
	for (const property of type.properties) {
		merged[property.name] = property.default as ICredentialDataDecryptedObject[string];
	}
	Object.assign(merged, data);
	return workflow.expression.getComplexParameterValue(
		mockNode,
		merged as INodeParameters,
		'internal',
		{},
		undefined,
		undefined,
		merged,
	) as ICredentialDataDecryptedObject;
}

const expression = (value: string, credentials: ICredentialDataDecryptedObject) =>
	workflow.expression.getSimpleParameterValue(mockNode, value, 'internal', {
		$credentials: credentials,
	});

const environments: Array<[api: string, oauth: string]> = [
	['https://api.xurrent.com/v1', 'https://oauth.xurrent.com/token'],
	['https://api.au.xurrent.com/v1', 'https://oauth.au.xurrent.com/token'],
	['https://api.uk.xurrent.com/v1', 'https://oauth.uk.xurrent.com/token'],
	['https://api.ch.xurrent.com/v1', 'https://oauth.ch.xurrent.com/token'],
	['https://api.us.xurrent.com/v1', 'https://oauth.us.xurrent.com/token'],
	['https://api.xurrent.qa/v1', 'https://oauth.xurrent.qa/token'],
	['https://api.au.xurrent.qa/v1', 'https://oauth.au.xurrent.qa/token'],
	['https://api.uk.xurrent.qa/v1', 'https://oauth.uk.xurrent.qa/token'],
	['https://api.ch.xurrent.qa/v1', 'https://oauth.ch.xurrent.qa/token'],
	['https://api.us.xurrent.qa/v1', 'https://oauth.us.xurrent.qa/token'],
	['https://api.xurrent-demo.com/v1', 'https://oauth.xurrent-demo.com/token'],
];

const getAll = {
	resource: 'assignment',
	operation: 'getAll',
	taskId: { __rl: true, mode: 'id', value: '5' },
	returnAll: true,
};

function requestsMade() {
	const seen: string[] = [];
	nock.emitter.on('no match', (request: { method?: string; url?: string }) =>
		seen.push(`${request.method} ${request.url}`),
	);
	return seen;
}

afterEach(() => nock.emitter.removeAllListeners('no match'));

describe('Xurrent › personal access token credential', () => {
	it('offers exactly the eleven documented hosts plus a custom URL', () => {
		const environment = new XurrentApi().properties.find((p) => p.name === 'environment');
		const values = (environment?.options ?? []).map(
			(option) => (option as { value: string }).value,
		);
		expect(values.filter((value) => value !== 'custom').sort()).toEqual(
			environments.map(([api]) => api).sort(),
		);
		expect(values).toContain('custom');
		expect(environment?.default).toBe('https://api.xurrent.com/v1');
	});

	it.each(environments)('%s: Bearer token and X-Xurrent-Account only', async (api) => {
		const { origin, pathname } = new URL(api);
		nock(origin, {
			reqheaders: { authorization: `Bearer ${pat}`, 'x-xurrent-account': 'widget' },
			badheaders: ['x-4me-account'],
		})
			.get(`${pathname}${listPath}`)
			.query({ per_page: '100' })
			.reply(200, [{ id: 1 }]);
		const result = await runNode({
			node: 'xurrent',
			parameters: getAll,
			credentials: { xurrentApi: { accessToken: pat, accountId: 'widget', environment: api } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
	});

	it('custom host: sends the account as X-Xurrent-Account and X-4me-Account', async () => {
		nock('https://itsm.example.org', {
			reqheaders: {
				authorization: `Bearer ${pat}`,
				'x-xurrent-account': 'widget',
				'x-4me-account': 'widget',
			},
		})
			.get(`/v1${listPath}`)
			.query({ per_page: '100' })
			.reply(200, []);
		const result = await runNode({
			node: 'xurrent',
			parameters: getAll,
			credentials: {
				xurrentApi: {
					accessToken: pat,
					accountId: ' widget ',
					environment: 'custom',
					customUrl: 'https://itsm.example.org/v1/',
				},
			},
		});
		expect(result.error).toBeUndefined();
	});

	it('custom host over plain http: refused, nothing sent', async () => {
		const seen = requestsMade();
		const result = await runNode({
			node: 'xurrent',
			parameters: getAll,
			credentials: {
				xurrentApi: {
					accessToken: pat,
					accountId: 'widget',
					environment: 'custom',
					customUrl: 'http://itsm.example.org/v1',
				},
			},
		});
		expect(result.error?.message).toBe('The base URL "http://itsm.example.org" must use https://');
		expect(seen).toEqual([]);
	});

	it('credential test: one project task from the chosen host, no extra "me" scope needed', () => {
		const { request } = new XurrentApi().test;
		expect(request.url).toBe('/project_tasks');
		expect(request.qs).toEqual({ per_page: 1, fields: 'id' });
		const uk = resolved(new XurrentApi(), { environment: 'https://api.uk.xurrent.com/v1' });
		expect(expression(String(request.baseURL), uk)).toBe('https://api.uk.xurrent.com/v1');
		const custom = resolved(new XurrentApi(), {
			environment: 'custom',
			customUrl: 'https://itsm.example.org/v1//',
		});
		expect(expression(String(request.baseURL), custom)).toBe('https://itsm.example.org/v1');
	});
});

describe('Xurrent › OAuth2 client-credentials credential', () => {
	const oauth = (data: ICredentialDataDecryptedObject) => ({
		xurrentOAuth2Api: resolved(new XurrentOAuth2Api(), {
			clientId,
			clientSecret,
			accountId: 'widget',
			...data,
		}),
	});

	const run = (
		parameters: Record<string, NodeParameterValueType>,
		data: ICredentialDataDecryptedObject = {},
	) =>
		runNode({
			node: 'xurrent',
			parameters: {
				authentication: 'oAuth2',
				resource: 'assignment',
				taskId: { __rl: true, mode: 'id', value: '5' },
				...parameters,
			},
			credentials: oauth(data),
		});

	const tokenEndpoint = (url: string, accessToken: string) => {
		const { origin, pathname } = new URL(url);
		return nock(origin)
			.post(
				pathname,
				(body: Record<string, string>) =>
					body.grant_type === 'client_credentials' &&
					body.client_id === clientId &&
					body.client_secret === clientSecret,
			)
			.reply(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
	};

	it('is a client-credentials grant on the oAuth2Api parent, secret kept as a password', () => {
		const type = new XurrentOAuth2Api();
		expect(type.extends).toEqual(['oAuth2Api']);
		expect(type.properties.find((p) => p.name === 'grantType')?.default).toBe('clientCredentials');
		expect(type.properties.find((p) => p.name === 'authentication')?.default).toBe('body');
	});

	it.each(environments)('%s: token URL %s', (api, tokenUrl) => {
		expect(oauth({ environment: api }).xurrentOAuth2Api.accessTokenUrl).toBe(tokenUrl);
	});

	it('custom host: the token URL is the one entered', () => {
		const data = oauth({
			environment: 'custom',
			customUrl: 'https://itsm.example.org/v1',
			customTokenUrl: 'https://login.example.org/oauth/token',
		});
		expect(data.xurrentOAuth2Api.accessTokenUrl).toBe('https://login.example.org/oauth/token');
	});

	it('fetches a token from the region’s OAuth host, then calls the API with it and the account', async () => {
		tokenEndpoint('https://oauth.au.xurrent.qa/token', 'dummy-oauth-token-1');
		nock('https://api.au.xurrent.qa', {
			reqheaders: { authorization: 'Bearer dummy-oauth-token-1', 'x-xurrent-account': 'widget' },
			badheaders: ['x-4me-account'],
		})
			.get(`/v1${listPath}`)
			.query({ per_page: '100' })
			.reply(200, [{ id: 75 }]);
		const result = await run(
			{ operation: 'getAll', returnAll: true },
			{ environment: 'https://api.au.xurrent.qa/v1' },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ id: 75 }]);
		expect(result.helper.updatedTokens.xurrentOAuth2Api.oauthTokenData).toMatchObject({
			access_token: 'dummy-oauth-token-1',
		});
	});

	const stored = { oauthTokenData: { access_token: 'dummy-oauth-token-2', token_type: 'Bearer' } };
	const api = () =>
		nock('https://api.xurrent.com', {
			reqheaders: { authorization: 'Bearer dummy-oauth-token-2', 'x-xurrent-account': 'widget' },
			badheaders: ['x-4me-account'],
		});

	it.each([
		[
			'getAll',
			{ returnAll: true },
			() =>
				api()
					.get(`/v1${listPath}`)
					.query({ per_page: '100' })
					.reply(200, [{ id: 75 }]),
		],
		[
			'get',
			{ assignmentId: '75' },
			() =>
				api()
					.get(`/v1${listPath}`)
					.query({ per_page: '100' })
					.reply(200, [{ id: 75 }]),
		],
		[
			'create',
			{ assigneeId: { __rl: true, mode: 'id', value: '41' } },
			() => api().post(`/v1${listPath}`, { assignee_id: 41 }).reply(201, { id: 75 }),
		],
		[
			'update',
			{ assignmentId: '75', updateFields: { plannedEffort: 60 } },
			() => api().patch(`/v1${listPath}/75`, { planned_effort: 60 }).reply(200, { id: 75 }),
		],
		['delete', { assignmentId: '75' }, () => api().delete(`/v1${listPath}/75`).reply(204)],
		['deleteAll', {}, () => api().delete(`/v1${listPath}/`).reply(204)],
	] as Array<[string, Record<string, NodeParameterValueType>, () => unknown]>)(
		'%s with a stored token: no token request, Bearer and account header on the call',
		async (operation, parameters, mock) => {
			mock();
			const result = await run({ operation, ...parameters }, stored);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
		},
	);

	it('custom host: token from the custom token URL, both account headers from the node', async () => {
		tokenEndpoint('https://login.example.org/oauth/token', 'dummy-oauth-token-3');
		nock('https://itsm.example.org', {
			reqheaders: {
				authorization: 'Bearer dummy-oauth-token-3',
				'x-xurrent-account': 'widget',
				'x-4me-account': 'widget',
			},
		})
			.delete(`/v1${listPath}/75`)
			.reply(204);
		const result = await run(
			{ operation: 'delete', assignmentId: '75' },
			{
				environment: 'custom',
				customUrl: 'https://itsm.example.org/v1',
				customTokenUrl: 'https://login.example.org/oauth/token',
			},
		);
		expect(result.items.map((item) => item.json)).toEqual([{ deleted: true, id: 75 }]);
	});

	it('an expired token (401) is renewed once and the request repeated', async () => {
		api().get(`/v1${listPath}`).query({ per_page: '100' }).reply(401, { message: 'Unauthorized' });
		tokenEndpoint('https://oauth.xurrent.com/token', 'dummy-oauth-token-4');
		nock('https://api.xurrent.com', {
			reqheaders: { authorization: 'Bearer dummy-oauth-token-4', 'x-xurrent-account': 'widget' },
		})
			.get(`/v1${listPath}`)
			.query({ per_page: '100' })
			.reply(200, [{ id: 75 }]);
		const result = await run({ operation: 'getAll', returnAll: true }, stored);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ id: 75 }]);
	});

	it('a 401 with the renewed token is reported, without a second renewal', async () => {
		api().get(`/v1${listPath}`).query({ per_page: '100' }).reply(401, { message: 'Unauthorized' });
		tokenEndpoint('https://oauth.xurrent.com/token', 'dummy-oauth-token-5');
		nock('https://api.xurrent.com')
			.get(`/v1${listPath}`)
			.times(2)
			.query({ per_page: '100' })
			.reply(401, { message: 'Unauthorized' });
		const result = await runNode({
			node: 'xurrent',
			parameters: { authentication: 'oAuth2', ...getAll, taskId: '={{ $json.task }}' },
			credentials: oauth(stored),
			items: [{ task: 5 }, { task: 5 }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error)).toEqual(['Unauthorized', 'Unauthorized']);
		expect(result.items[0].error?.description).toContain('Check the Xurrent credential');
	});

	it('a refused token request fails the item and no API request is sent', async () => {
		const seen = requestsMade();
		nock('https://oauth.xurrent.com')
			.persist()
			.post('/token')
			.reply(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.items).toEqual([]);
		// The kernel reports it as unreachable for now; n8n's own cause is kept in the error.
		expect(JSON.stringify(result.error)).toContain('Failed to acquire OAuth2 access token');
		expect(seen).toEqual([]);
	});
});

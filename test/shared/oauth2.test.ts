import { runNode } from '../harness/run';

// Issue 14 item 6: an OAuth2 token is renewed only when it can be (a refresh token, or a
// client-credentials grant), and whenever one is rejected after having worked, never twice in a row.

describe('an OAuth2 token without a refresh token (Kantata OX: tokens never expire)', () => {
	const credentials = {
		kantataOxOAuth2Api: {
			clientId: 'dummy-client-id',
			clientSecret: 'dummy-client-secret-77aa',
			oauthTokenData: { access_token: 'dummy-oauth-access-token-401', token_type: 'bearer' },
		},
	};

	it('a 401 is not followed by a refresh: it shows the vendor’s 401 message and hint', async () => {
		nock('https://api.mavenlink.com')
			.get('/api/v1/assignments/1.json')
			.query(true)
			.reply(401, { errors: [{ type: 'oauth', message: 'Invalid OAuth 2 Access Token' }] });
		const result = await runNode({
			node: 'kantataOx',
			parameters: {
				authentication: 'oAuth2',
				resource: 'assignment',
				operation: 'get',
				assignmentId: '1',
			},
			credentials,
		});
		expect(result.error?.message).toBe('Invalid OAuth 2 Access Token');
		expect(result.error?.description).toContain(
			'Check the access token in the Kantata OX credential',
		);
		expect(result.error?.httpCode).toBe('401');
	});
});

describe('a client-credentials token that expires (Xurrent: one hour)', () => {
	const listPath = '/v1/project_tasks/5/assignments';
	const credentials = {
		xurrentOAuth2Api: {
			grantType: 'clientCredentials',
			environment: 'https://api.xurrent.com/v1',
			accessTokenUrl: 'https://oauth.xurrent.com/token',
			authentication: 'body',
			accountId: 'widget',
			clientId: 'dummy-xurrent-client-id',
			clientSecret: 'dummy-xurrent-client-secret-9d1f',
			oauthTokenData: { access_token: 'dummy-oauth-token-first', token_type: 'Bearer' },
		},
	};
	const api = (token: string) =>
		nock('https://api.xurrent.com', { reqheaders: { authorization: `Bearer ${token}` } })
			.get(listPath)
			.query(true);
	const tokenEndpoint = (token: string) =>
		nock('https://oauth.xurrent.com')
			.post('/token')
			.reply(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
	const run = async (items: number) =>
		await runNode({
			node: 'xurrent',
			parameters: {
				authentication: 'oAuth2',
				resource: 'assignment',
				operation: 'getAll',
				taskId: '5',
				returnAll: true,
			},
			credentials,
			items: Array.from({ length: items }, () => ({})),
			continueOnFail: true,
		});

	it('is renewed each time it expires during one execution, not only the first time', async () => {
		api('dummy-oauth-token-first').reply(200, [{ id: 1 }]);
		api('dummy-oauth-token-first').reply(401, { message: 'Unauthorized' });
		tokenEndpoint('dummy-oauth-token-second');
		api('dummy-oauth-token-second').reply(200, [{ id: 2 }]);
		api('dummy-oauth-token-second').reply(401, { message: 'Unauthorized' });
		tokenEndpoint('dummy-oauth-token-third');
		api('dummy-oauth-token-third').reply(200, [{ id: 3 }]);

		const result = await run(3);
		expect(result.items.map((item) => item.json)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
	});

	it('a renewed token that is rejected at once is reported, not renewed again (no loop)', async () => {
		api('dummy-oauth-token-first').reply(401, { message: 'Unauthorized' });
		tokenEndpoint('dummy-oauth-token-second');
		api('dummy-oauth-token-second').times(2).reply(401, { message: 'Unauthorized' });

		const result = await run(2);
		expect(result.items.map((item) => item.json.error)).toEqual(['Unauthorized', 'Unauthorized']);
	});
});

import { assignment, envelope, jsonOf, output, run } from './fixtures';

describe('Kantata OX › OAuth2 credential', () => {
	const oauth = {
		kantataOxOAuth2Api: {
			clientId: 'client-id',
			clientSecret: 'client-secret',
			oauthTokenData: { access_token: 'dummy-oauth-access-token-123', token_type: 'bearer' },
		},
	};

	it('sends the OAuth2 access token as Bearer when Authentication is OAuth2', async () => {
		nock('https://api.mavenlink.com', {
			reqheaders: { authorization: 'Bearer dummy-oauth-access-token-123' },
		})
			.get('/api/v1/assignments/1.json')
			.reply(200, envelope([assignment(1)]));
		const result = await run(
			{ authentication: 'oAuth2', operation: 'get', assignmentId: '1' },
			{ credentials: oauth },
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([output(assignment(1))]);
	});

	it('uses the base URL set in the OAuth2 credential', async () => {
		nock('https://kantata.internal.test', {
			reqheaders: { authorization: 'Bearer dummy-oauth-access-token-123' },
		})
			.delete('/api/v1/assignments/9.json')
			.reply(204);
		const result = await run(
			{ authentication: 'oAuth2', operation: 'delete', assignmentId: '9' },
			{
				credentials: {
					kantataOxOAuth2Api: {
						...oauth.kantataOxOAuth2Api,
						baseUrl: 'https://kantata.internal.test/api/v1/',
					},
				},
			},
		);
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: '9' }]);
	});
});

import { sleep } from 'n8n-workflow';

import { api, assignment, envelope, jsonOf, pairing, run, token } from './fixtures';

const listPath = '/api/v1/assignments.json';

describe('Kantata OX › errors', () => {
	beforeEach(() => jest.mocked(sleep).mockClear());

	it('401: shows the vendor message and says to check the token', async () => {
		api()
			.get('/api/v1/assignments/1.json')
			.reply(401, { errors: [{ type: 'oauth', message: 'Invalid OAuth 2 Request' }] });
		const result = await run({ operation: 'get', assignmentId: '1' });
		expect(result.error?.message).toBe('Invalid OAuth 2 Request');
		expect(result.error?.description).toContain('Check the access token');
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.run)).not.toContain(token);
	});

	it('404: shows the vendor message and says to check the ID', async () => {
		api()
			.get('/api/v1/assignments/404.json')
			.reply(404, { errors: [{ type: 'system', message: 'Not found' }] });
		const result = await run({ operation: 'get', assignmentId: '404' });
		expect(result.error?.message).toBe('Not found');
		expect(result.error?.description).toContain('Check the ID');
	});

	it('422: lists every validation message with its field', async () => {
		api()
			.post(listPath)
			.reply(422, {
				errors: [
					{ type: 'validation', message: 'Story not found', field: 'story_id' },
					{ type: 'validation', message: 'is not a member of the workspace', field: 'assignee_id' },
				],
			});
		const result = await run({
			operation: 'create',
			storyId: { __rl: true, mode: 'id', value: '1' },
			assigneeId: { __rl: true, mode: 'id', value: '2' },
		});
		expect(result.error?.message).toBe('story_id: Story not found');
		expect(result.error?.description).toContain('assignee_id: is not a member of the workspace');
		expect(result.error?.description).toContain('correct the named fields');
	});

	it('429: waits as long as Retry-After says, then goes on', async () => {
		api()
			.get(listPath)
			.query(true)
			.reply(429, '', { 'Retry-After': '3' })
			.get(listPath)
			.query(true)
			.reply(200, envelope([assignment(1)]));
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(jsonOf(result.items).map((item) => item.id)).toEqual(['1']);
		expect(jest.mocked(sleep).mock.calls).toEqual([[3000]]);
	});

	it('503: backs off and retries a read, then goes on', async () => {
		api()
			.get(listPath)
			.query(true)
			.reply(503)
			.get(listPath)
			.query(true)
			.reply(503)
			.get(listPath)
			.query(true)
			.reply(200, envelope([assignment(1)]));
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(1);
		const waits = jest.mocked(sleep).mock.calls.map(([ms]) => ms);
		expect(waits).toHaveLength(2);
		expect(waits[0]).toBeGreaterThanOrEqual(500);
		expect(waits[0]).toBeLessThanOrEqual(1000);
		expect(waits[1]).toBeGreaterThanOrEqual(1000);
		expect(waits[1]).toBeLessThanOrEqual(2000);
	});

	it('gives up after the attempt limit with a clear error', async () => {
		api().get('/api/v1/assignments/1.json').times(5).reply(503, '');
		const result = await run({ operation: 'get', assignmentId: '1' });
		expect(result.error?.message).toBe('The service is unavailable');
		expect(result.error?.description).toContain('Attempts: 5.');
		expect(jest.mocked(sleep)).toHaveBeenCalledTimes(4);
	});

	it('refuses a base URL that is not https', async () => {
		const result = await run(
			{ operation: 'get', assignmentId: '1' },
			{
				credentials: {
					kantataOxApi: { accessToken: token, baseUrl: 'http://api.example.com/api/v1' },
				},
			},
		);
		expect(result.error?.message).toBe('The base URL "http://api.example.com" must use https://');
	});

	it('continue on fail: one error item paired to its input, the others go on', async () => {
		api()
			.get('/api/v1/assignments/1.json')
			.reply(200, envelope([assignment(1)]))
			.get('/api/v1/assignments/2.json')
			.reply(404, { errors: [{ type: 'system', message: 'Not found' }] })
			.get('/api/v1/assignments/3.json')
			.reply(200, envelope([assignment(3)]));
		const result = await run(
			{ operation: 'get', assignmentId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }, { id: 'x' }, { id: 3 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(pairing(result.items)).toEqual([0, 1, 2, 3]);
		expect(jsonOf(result.items).map((item) => item.id ?? item.error)).toEqual([
			'1',
			'Not found',
			'Assignment ID must be a positive whole number, got "x" [item 2]',
			'3',
		]);
	});
});

import { sleep } from 'n8n-workflow';

import { api, assignment, jsonOf, page, pairing, run, token } from './fixtures';

const list = '/api/v1/assignments';

describe('Smartsheet RM › errors', () => {
	beforeEach(() => jest.mocked(sleep).mockClear());

	it('403 "bad data": shows the reasons and does not blame the token', async () => {
		api()
			.put('/api/v1/assignments/1')
			.reply(403, {
				message: 'bad data',
				errors: ['invalid assignable_id', "Rate can't be blank"],
			});
		const result = await run({
			operation: 'update',
			assignmentId: '1',
			updateFields: { note: 'x' },
		});
		expect(result.error?.message).toBe("bad data: invalid assignable_id; Rate can't be blank");
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.description).toContain('rejected the values sent');
		expect(result.error?.description).not.toMatch(/token|credential/i);
		expect(jest.mocked(sleep)).not.toHaveBeenCalled();
	});

	it('403 without reasons: the vendor message, and the permission hint', async () => {
		api()
			.delete('/api/v1/users/30256/assignments/1')
			.reply(403, { message: 'accessing account level bill rates' });
		const result = await run({ operation: 'delete', assignmentId: '1', userId: '30256' });
		expect(result.error?.message).toBe('accessing account level bill rates');
		expect(result.error?.description).toContain('may not change this record');
	});

	it('401: says to check the API token, and the token is nowhere in the run', async () => {
		api().get('/api/v1/assignments/1').reply(401, { message: 'unauthorized' });
		const result = await run({ operation: 'get', assignmentId: '1', scope: 'none' });
		expect(result.error?.message).toBe('unauthorized');
		expect(result.error?.description).toContain('Check the API token');
		expect(JSON.stringify(result.run)).not.toContain(token);
	});

	it('404 {"message":"not found"}: the message and a hint about IDs and scopes', async () => {
		api().get('/api/v1/projects/183760/assignments/30256').reply(404, { message: 'not found' });
		const result = await run({
			operation: 'get',
			assignmentId: '30256',
			scope: 'project',
			projectId: { __rl: true, mode: 'id', value: '183760' },
		});
		expect(result.error?.message).toBe('not found');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain('outside that scope');
	});

	it('429: waits until X-RateLimit-Reset, then goes on', async () => {
		const reset = Math.floor(Date.now() / 1000) + 8;
		api()
			.get(list)
			.query({ per_page: '1000' })
			.reply(429, '', {
				'X-RateLimit-Limit': '120',
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(reset),
			})
			.get(list)
			.query({ per_page: '1000' })
			.reply(200, page([assignment(1)]));
		const result = await run({ operation: 'getAll', scope: 'all', returnAll: true });
		expect(jsonOf(result.items).map((item) => item.id)).toEqual([1]);
		const waits = jest.mocked(sleep).mock.calls.map(([ms]) => ms);
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThan(6000);
		expect(waits[0]).toBeLessThanOrEqual(8000);
	});

	it('429 on a create is repeated too: the server refused it, nothing was created', async () => {
		const reset = Math.floor(Date.now() / 1000) + 2;
		api()
			.post('/api/v1/users/5/assignments')
			.reply(429, '', { 'X-RateLimit-Reset': String(reset) })
			.post('/api/v1/users/5/assignments')
			.reply(200, assignment(2));
		const result = await run({
			operation: 'create',
			userId: { __rl: true, mode: 'id', value: '5' },
			assignableId: { __rl: true, mode: 'id', value: '6' },
			startsAt: '2026-01-01',
			endsAt: '2026-01-02',
		});
		expect(jsonOf(result.items)).toEqual([assignment(2)]);
		expect(jest.mocked(sleep)).toHaveBeenCalledTimes(1);
	});

	it('503: backs off and retries a read, then goes on', async () => {
		api()
			.get('/api/v1/assignments/1')
			.reply(503, { message: 'internal error' })
			.get('/api/v1/assignments/1')
			.reply(502)
			.get('/api/v1/assignments/1')
			.reply(200, assignment(1));
		const result = await run({ operation: 'get', assignmentId: '1', scope: 'none' });
		expect(jsonOf(result.items)).toEqual([assignment(1)]);
		const waits = jest.mocked(sleep).mock.calls.map(([ms]) => ms);
		expect(waits).toHaveLength(2);
		expect(waits[0]).toBeGreaterThanOrEqual(500);
		expect(waits[0]).toBeLessThanOrEqual(1000);
		expect(waits[1]).toBeGreaterThanOrEqual(1000);
		expect(waits[1]).toBeLessThanOrEqual(2000);
	});

	it('500 is not retried and shows the vendor message', async () => {
		api().get('/api/v1/assignments/1').reply(500, { message: 'internal error' });
		const result = await run({ operation: 'get', assignmentId: '1', scope: 'none' });
		expect(result.error?.message).toBe('internal error');
		expect(jest.mocked(sleep)).not.toHaveBeenCalled();
	});

	it('continue on fail: error items stay paired with their inputs, the rest go on', async () => {
		api()
			.get('/api/v1/assignments/1')
			.reply(200, assignment(1))
			.get('/api/v1/assignments/2')
			.reply(404, { message: 'not found' })
			.get('/api/v1/assignments/3')
			.reply(200, assignment(3));
		const result = await run(
			{ operation: 'get', scope: 'none', assignmentId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }, { id: '1/x' }, { id: 3 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(pairing(result.items)).toEqual([0, 1, 2, 3]);
		expect(jsonOf(result.items).map((item) => item.id ?? item.error)).toEqual([
			1,
			'not found',
			'Assignment ID must be a positive whole number, got "1/x" [item 2]',
			3,
		]);
	});

	it('without continue on fail the first failing item stops the node', async () => {
		api()
			.post('/api/v1/users/5/assignments')
			.reply(200, assignment(1))
			.post('/api/v1/users/6/assignments')
			.reply(403, { message: 'bad data', errors: ['invalid assignable_id'] });
		const result = await run(
			{
				operation: 'create',
				userId: '={{ $json.user }}',
				assignableId: { __rl: true, mode: 'id', value: '9' },
				startsAt: '2026-01-01',
				endsAt: '2026-01-02',
			},
			{ items: [{ user: 5 }, { user: 6 }, { user: 7 }] },
		);
		expect(result.error?.message).toBe('bad data: invalid assignable_id');
		expect(result.error?.context?.itemIndex).toBe(1);
	});
});

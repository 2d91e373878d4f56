import { api, assignment, envelope, jsonOf, output, run } from './fixtures';

describe('Kantata OX › Get', () => {
	it('gets one assignment by ID', async () => {
		api()
			.get('/api/v1/assignments/1001.json')
			.reply(200, envelope([assignment(1001)]));
		const result = await run({ operation: 'get', assignmentId: ' 1001 ' });
		expect(jsonOf(result.items)).toEqual([output(assignment(1001))]);
	});

	it('asks for includes and resolves them', async () => {
		api()
			.get('/api/v1/assignments/1001.json')
			.query({ include: 'assignee,external_references' })
			.reply(
				200,
				envelope([assignment(1001, { external_reference_ids: ['5'] })], {
					extra: {
						users: { '3711195': { id: '3711195', full_name: 'Bob' } },
						external_references: { '5': { id: '5', service_name: 'n8n' } },
					},
				}),
			);
		const result = await run({
			operation: 'get',
			assignmentId: 1001,
			options: { include: ['assignee', 'external_references'] },
		});
		expect(result.items[0].json.assignee).toEqual({ id: '3711195', full_name: 'Bob' });
		expect(result.items[0].json.external_references).toEqual([{ id: '5', service_name: 'n8n' }]);
	});

	it('fails clearly when the answer holds no assignment', async () => {
		api().get('/api/v1/assignments/7.json').reply(200, { count: 0, results: [] });
		const result = await run({ operation: 'get', assignmentId: '7' });
		expect(result.error?.message).toBe('Kantata OX answered without the assignment 7 [item 0]');
	});
});

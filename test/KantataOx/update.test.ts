import { api, assignment, envelope, jsonOf, output, run } from './fixtures';

describe('Kantata OX › Update', () => {
	it('sends only the fields the user set', async () => {
		const updated = assignment(1001, { current: false, estimated_minutes: 30 });
		api()
			.put('/api/v1/assignments/1001.json', {
				assignment: { current: false, estimated_minutes: 30 },
			})
			.reply(200, envelope([updated]));
		const result = await run({
			operation: 'update',
			assignmentId: '1001',
			updateFields: { current: false, estimatedMinutes: 30 },
		});
		expect(jsonOf(result.items)).toEqual([output(updated)]);
	});

	it('asks for includes on the update and resolves them in the output', async () => {
		api()
			.put('/api/v1/assignments/1001.json', { assignment: { estimated_minutes: 60 } })
			.query({ include: 'story' })
			.reply(
				200,
				envelope([assignment(1001, { estimated_minutes: 60 })], {
					extra: { stories: { '26133885': { id: '26133885', title: 'Design' } } },
				}),
			);
		const result = await run({
			operation: 'update',
			assignmentId: '1001',
			updateFields: { estimatedMinutes: 60 },
			options: { include: ['story'] },
		});
		expect(result.items[0].json.story).toEqual({ id: '26133885', title: 'Design' });
	});

	it('moves the assignment to another user or resource', async () => {
		api()
			.put('/api/v1/assignments/1001.json', { assignment: { resource_id: 777 } })
			.reply(200, envelope([assignment(1001, { resource_id: 777 })]))
			.put('/api/v1/assignments/1002.json', { assignment: { assignee_id: 42 } })
			.reply(200, envelope([assignment(1002, { assignee_id: '42' })]));
		const result = await run(
			{
				operation: 'update',
				assignmentId: '={{ $json.id }}',
				updateFields: { resourceId: '={{ $json.resource }}', assigneeId: '={{ $json.user }}' },
			},
			{
				items: [
					{ id: 1001, resource: 777 },
					{ id: 1002, user: 42 },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(
			jsonOf(result.items).map((item) => [item.id, item.resource_id, item.assignee_id]),
		).toEqual([
			['1001', '777', '3711195'],
			['1002', '555', '42'],
		]);
	});
});

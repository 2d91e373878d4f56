import { api, assignment, envelope, jsonOf, output, run } from './fixtures';

describe('Kantata OX › Create', () => {
	it('creates an assignment for a user with every field', async () => {
		const created = assignment(2001, { estimated_minutes: 90 });
		api()
			.post('/api/v1/assignments.json', {
				assignment: {
					story_id: 26133885,
					assignee_id: 3711195,
					current: true,
					estimated_minutes: 90,
					external_reference: {
						service_name: 'n8n',
						service_model: 'Task',
						service_model_ref: 'ABC-1',
						external_link: 'https://example.invalid/ABC-1',
						external_status: 'open',
						locked: false,
					},
				},
			})
			.reply(200, envelope([created]));
		const result = await run({
			operation: 'create',
			storyId: { __rl: true, mode: 'id', value: '26133885' },
			assigneeId: { __rl: true, mode: 'id', value: '3711195' },
			additionalFields: {
				current: true,
				estimatedMinutes: 90,
				externalReference: {
					reference: {
						serviceName: 'n8n',
						serviceModel: 'Task',
						serviceModelRef: 'ABC-1',
						externalLink: 'https://example.invalid/ABC-1',
						externalStatus: 'open',
						locked: false,
					},
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([output(created)]);
	});

	it('asks for includes on the create and resolves them in the output', async () => {
		api()
			.post('/api/v1/assignments.json', { assignment: { story_id: 5, assignee_id: 7 } })
			.query({ include: 'assignee' })
			.reply(
				200,
				envelope([assignment(2004, { assignee_id: '7' })], {
					extra: { users: { '7': { id: '7', full_name: 'Ann' } } },
				}),
			);
		const result = await run({
			operation: 'create',
			storyId: { __rl: true, mode: 'id', value: '5' },
			assigneeId: { __rl: true, mode: 'id', value: '7' },
			options: { include: ['assignee'] },
		});
		expect(result.items[0].json.assignee).toEqual({ id: '7', full_name: 'Ann' });
	});

	it('creates an assignment for a project resource', async () => {
		api()
			.post('/api/v1/assignments.json', { assignment: { story_id: 5, resource_id: 555 } })
			.reply(200, envelope([assignment(2002, { story_id: '5', assignee_id: null })]));
		const result = await run({
			operation: 'create',
			storyId: 5,
			resourceId: { __rl: true, mode: 'id', value: '555' },
		});
		expect(result.items[0].json).toMatchObject({
			id: '2002',
			resource_id: '555',
			assignee_id: null,
		});
	});

	it('is not repeated after a 503, because the first attempt may have created it', async () => {
		api()
			.post('/api/v1/assignments.json')
			.reply(503, { errors: [{ type: 'system', message: 'Service unavailable' }] });
		const result = await run({ operation: 'create', storyId: 5, assigneeId: 6 });
		expect(result.error?.message).toBe('Service unavailable');
	});

	it('is repeated after a 429, because the API refused it', async () => {
		api()
			.post('/api/v1/assignments.json')
			.reply(429, '')
			.post('/api/v1/assignments.json', { assignment: { story_id: 5, assignee_id: 6 } })
			.reply(200, envelope([assignment(2003)]));
		const result = await run({ operation: 'create', storyId: 5, assigneeId: 6 });
		expect(result.items[0].json.id).toBe('2003');
	});
});

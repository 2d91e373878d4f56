import { api, assignment, jsonOf, run } from './fixtures';

describe('Smartsheet RM › Get', () => {
	it('no scope: GET /assignments/{id}, the bare object as the item', async () => {
		api().get('/api/v1/assignments/186875').reply(200, assignment(186875));
		const result = await run({ operation: 'get', assignmentId: '186875', scope: 'none' });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([assignment(186875)]);
	});

	it('user scope: GET /users/{user}/assignments/{id}', async () => {
		api().get('/api/v1/users/30256/assignments/186875').reply(200, assignment(186875));
		const result = await run({
			operation: 'get',
			assignmentId: 186875,
			scope: 'user',
			userId: { __rl: true, mode: 'id', value: '30256' },
		});
		expect(jsonOf(result.items)).toEqual([assignment(186875)]);
	});

	it('project scope: GET /projects/{project}/assignments/{id}', async () => {
		api().get('/api/v1/projects/183760/assignments/186875').reply(200, assignment(186875));
		const result = await run({
			operation: 'get',
			assignmentId: ' 186875 ',
			scope: 'project',
			projectId: { __rl: true, mode: 'id', value: '183760' },
		});
		expect(jsonOf(result.items)).toEqual([assignment(186875)]);
	});

	it('a 200 without an assignment is an error, not an empty item', async () => {
		api().get('/api/v1/assignments/5').reply(200, {});
		const result = await run({ operation: 'get', assignmentId: '5', scope: 'none' });
		expect(result.error?.message).toBe(
			'Smartsheet Resource Management answered without the assignment 5 [item 0]',
		);
	});
});

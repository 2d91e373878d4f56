import { sleep } from 'n8n-workflow';

import { api, jsonOf, run } from './fixtures';

describe('Smartsheet RM › Delete', () => {
	it('with a user ID: the documented DELETE /users/{user}/assignments/{id}, 200 with an empty body', async () => {
		api()
			.delete('/api/v1/users/30256/assignments/186882')
			.reply(200, '', { 'Content-Length': '0', 'Content-Type': 'application/json' });
		const result = await run({
			operation: 'delete',
			assignmentId: '186882',
			userId: { __rl: true, mode: 'id', value: '30256' },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 186882 }]);
	});

	it('through a project: DELETE /projects/{project}/assignments/{id}', async () => {
		api().delete('/api/v1/projects/183760/assignments/186882').reply(200);
		const result = await run({
			operation: 'delete',
			assignmentId: 186882,
			scope: 'project',
			projectId: '183760',
		});
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 186882 }]);
	});

	it('accepts 204 as well', async () => {
		api().delete('/api/v1/users/5/assignments/9').reply(204);
		const result = await run({ operation: 'delete', assignmentId: '9', userId: '5' });
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 9 }]);
	});

	it('is retried after a 503', async () => {
		jest.mocked(sleep).mockClear();
		api()
			.delete('/api/v1/users/5/assignments/9')
			.reply(503)
			.delete('/api/v1/users/5/assignments/9')
			.reply(200);
		const result = await run({ operation: 'delete', assignmentId: '9', userId: '5' });
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 9 }]);
		expect(jest.mocked(sleep)).toHaveBeenCalledTimes(1);
	});
});

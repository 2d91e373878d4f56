import { api, assignment, jsonOf, run } from './fixtures';

/**
 * Issue 14 item 8: only documented routes. A placeholder is reached through
 * /placeholder_resources/{id}/assignments (the placeholder documentation), never through
 * /users/{placeholderId}/…; Delete is always scoped (user, project or placeholder), never the
 * undocumented DELETE /assignments/{id}.
 */
const create = {
	operation: 'create',
	assignableId: '183760',
	startsAt: '2026-01-05',
	endsAt: '2026-01-09',
	allocationMode: 'percent',
	percent: 50,
};
const sent = {
	assignable_id: 183760,
	starts_at: '2026-01-05',
	ends_at: '2026-01-09',
	allocation_mode: 'percent',
	percent: 0.5,
};

describe('Smartsheet RM › documented routes only', () => {
	it('create for a placeholder: POST /placeholder_resources/{id}/assignments', async () => {
		const created = assignment(7, { user_id: 900001 });
		api().post('/api/v1/placeholder_resources/900001/assignments', sent).reply(200, created);
		const result = await run({ ...create, assignTo: 'placeholder', placeholderId: '900001' });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([created]);
	});

	it('create for a placeholder with subtasks: POST /assignments with the placeholder as user_id', async () => {
		const created = assignment(8, { user_id: 900001 });
		api()
			.post('/api/v1/assignments', {
				user_id: 900001,
				...sent,
				subtasks: [{ description: 'Draft', completed: false }],
			})
			.reply(200, { data: [created] });
		const result = await run({
			...create,
			assignTo: 'placeholder',
			placeholderId: '900001',
			additionalFields: { subtasks: { subtask: [{ description: 'Draft' }] } },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([created]);
	});

	it.each([
		['user', { userId: '30256' }, '/api/v1/users/30256/assignments/9'],
		['project', { projectId: '183760' }, '/api/v1/projects/183760/assignments/9'],
		[
			'placeholder',
			{ placeholderId: '900001' },
			'/api/v1/placeholder_resources/900001/assignments/9',
		],
	])('delete through the %s (%j): DELETE %s', async (scope, ids, path) => {
		api().delete(path).reply(200);
		const result = await run({ operation: 'delete', assignmentId: '9', scope, ...ids });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 9 }]);
	});

	it('delete with an unscoped expression value is refused before any request', async () => {
		const ids = { userId: '1', projectId: '2', placeholderId: '3' };
		const result = await run({
			operation: 'delete',
			assignmentId: '9',
			scope: '={{ "none" }}',
			...ids,
		});
		expect(result.error?.message).toBe('Scope "none" is not supported [item 0]');
	});

	it('delete without a User ID is refused before any request (no unscoped DELETE)', async () => {
		const attempts: string[] = [];
		nock.emitter.on('no match', (request: Request) => {
			attempts.push(request.url);
		});
		const result = await run({ operation: 'delete', assignmentId: '9', userId: '' });
		nock.emitter.removeAllListeners('no match');
		expect(result.error?.message).toContain('Parameter "User ID" is required');
		expect(attempts).toEqual([]);
	});
});

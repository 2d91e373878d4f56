import { api, jsonOf, run } from './fixtures';

describe('Kantata OX › Delete (unassign)', () => {
	it('unassigns and reports it', async () => {
		api().delete('/api/v1/assignments/1001.json').reply(204);
		const result = await run({ operation: 'delete', assignmentId: '1001' });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: '1001' }]);
	});

	it('is retried after a 503, since unassigning twice has the same effect', async () => {
		api()
			.delete('/api/v1/assignments/1001.json')
			.reply(503)
			.delete('/api/v1/assignments/1001.json')
			.reply(204);
		const result = await run({ operation: 'delete', assignmentId: 1001 });
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: '1001' }]);
	});
});

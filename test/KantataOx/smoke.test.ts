import { runNode } from '../harness/run';

test('smoke', async () => {
	const scope = nock('https://api.mavenlink.com', { reqheaders: { authorization: 'Bearer tok-123' } })
		.get('/api/v1/assignments.json')
		.query(true)
		.reply(200, {
			count: 1,
			meta: { count: 1, page_count: 1, page_number: 1, page_size: 200 },
			results: [{ key: 'assignments', id: '1' }],
			assignments: { '1': { id: '1', story_id: '9', resource_id: 5 } },
		});
	const result = await runNode({
		node: 'kantataOx',
		parameters: { resource: 'assignment', operation: 'getAll', returnAll: true },
		credentials: { kantataOxApi: { accessToken: 'tok-123' } },
	});
	console.log(JSON.stringify(result.items), result.error?.message, result.error?.stack);
	scope.done();
});

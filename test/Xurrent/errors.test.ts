import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runNode } from '../harness/run';

const origin = 'https://api.xurrent.com';
const taskPath = '/v1/project_tasks/5/assignments';
const token = 'dummy-xurrent-pat-e41f';
const credentials = { xurrentApi: { accessToken: token, accountId: 'widget' } };

const api = () =>
	nock(origin, { reqheaders: { authorization: `Bearer ${token}`, 'x-xurrent-account': 'widget' } });

const run = (
	parameters: Record<string, NodeParameterValueType>,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) =>
	runNode({
		node: 'xurrent',
		parameters: {
			resource: 'assignment',
			taskId: { __rl: true, mode: 'id', value: '5' },
			...parameters,
		},
		credentials,
		...options,
	});

beforeEach(() => jest.mocked(sleep).mockClear());

describe('Xurrent › errors', () => {
	it('422: the message, then every [field, message] tuple, in the description', async () => {
		api()
			.post(taskPath)
			.reply(422, {
				message: 'Validation Failed',
				errors: [
					['assignee', 'Assignee can’t be blank'],
					['planned_effort', 'Planned effort is not a number'],
					['planned_effort', 'Planned effort must be less than or equal to 600000'],
				],
			});
		const result = await run({
			operation: 'create',
			assigneeId: { __rl: true, mode: 'id', value: '41' },
		});
		expect(result.error?.message).toBe('Validation Failed');
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.description).toBe(
			[
				'assignee: Assignee can’t be blank',
				'planned_effort: Planned effort is not a number',
				'planned_effort: Planned effort must be less than or equal to 600000',
				'Xurrent rejected the values above; correct the named fields.',
			].join(' \n'),
		);
		expect(sleep).not.toHaveBeenCalled();
	});

	it('429: waits the retry-after seconds, then succeeds', async () => {
		api()
			.get(taskPath)
			.query({ per_page: '100' })
			.reply(
				429,
				{
					message: 'Too Many Requests',
					documentation_url: 'https://developer.xurrent.com/v1/#rate-limiting',
				},
				{ 'retry-after': '30', 'x-ratelimit-limit': '3600', 'x-ratelimit-remaining': '0' },
			)
			.get(taskPath)
			.query({ per_page: '100' })
			.reply(200, [{ id: 75 }]);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ id: 75 }]);
		expect(jest.mocked(sleep).mock.calls).toEqual([[30000]]);
	});

	it('429 on create: the refused POST is sent again after the wait', async () => {
		api()
			.post(taskPath, { assignee_id: 41 })
			.reply(429, { message: 'Too Many Requests' }, { 'retry-after': '2' })
			.post(taskPath, { assignee_id: 41 })
			.reply(201, { id: 109 });
		const result = await run({
			operation: 'create',
			assigneeId: { __rl: true, mode: 'id', value: '41' },
		});
		expect(result.items.map((item) => item.json)).toEqual([{ id: 109 }]);
		expect(jest.mocked(sleep).mock.calls).toEqual([[2000]]);
	});

	it.each([
		[401, 'Unauthorized', 'the token may be wrong, expired or revoked'],
		[403, 'Forbidden', 'may lack a scope for project tasks'],
		[404, 'Not Found', 'Check the project task ID and the assignment ID'],
	])('%i: the vendor message with advice, no retry', async (status, message, advice) => {
		api().patch(`${taskPath}/75`).reply(status, { message });
		const result = await run({
			operation: 'update',
			assignmentId: '75',
			updateFields: { plannedEffort: 60 },
		});
		expect(result.error?.message).toBe(message);
		expect(result.error?.httpCode).toBe(String(status));
		expect(result.error?.description).toContain(advice);
		expect(sleep).not.toHaveBeenCalled();
	});

	it('continue on fail: one output per input item, paired, errors in place', async () => {
		api().delete(`${taskPath}/75`).reply(204);
		api().delete(`${taskPath}/76`).reply(404, { message: 'Not Found' });
		const result = await run(
			{ operation: 'delete', assignmentId: '={{ $json.id }}' },
			{ items: [{ id: 75 }, { id: '' }, { id: 76 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].json).toEqual({ deleted: true, id: 75 });
		expect(result.items[1].json.error).toBe('Assignment ID is empty [item 1]');
		expect(result.items[2].json.error).toBe('Not Found');
		expect(result.items[2].error?.description).toContain('Check the project task ID');
	});

	it('without continue on fail, the first failing item stops the node and is named', async () => {
		api().delete(`${taskPath}/75`).reply(204);
		const result = await run(
			{ operation: 'delete', assignmentId: '={{ $json.id }}' },
			{ items: [{ id: 75 }, { id: '/' }, { id: 77 }] },
		);
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'Assignment ID must be a positive whole number, got "/" [item 1]',
		);
	});
});

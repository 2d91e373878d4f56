import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { Xurrent } from '../../nodes/Xurrent/Xurrent.node';
import { runNode } from '../harness/run';

const origin = 'https://api.xurrent.com';
const taskPath = '/v1/project_tasks/5/assignments';
const token = 'dummy-xurrent-pat-0b9e';
const credentials = { xurrentApi: { accessToken: token, accountId: 'widget' } };

const api = () =>
	nock(origin, {
		reqheaders: { authorization: `Bearer ${token}`, 'x-xurrent-account': 'widget' },
		badheaders: ['x-4me-account'],
	});

const run = (parameters: Record<string, NodeParameterValueType>, items?: IDataObject[]) =>
	runNode({
		node: 'xurrent',
		parameters: {
			resource: 'assignment',
			taskId: { __rl: true, mode: 'id', value: '5' },
			...parameters,
		},
		credentials,
		items,
	});

function requestsMade() {
	const seen: string[] = [];
	nock.emitter.on('no match', (request: { method?: string; url?: string }) =>
		seen.push(`${request.method} ${request.url}`),
	);
	return seen;
}

afterEach(() => nock.emitter.removeAllListeners('no match'));

/** The documented list example. */
const documentedList: IDataObject[] = [
	{
		assignee: {
			id: 156,
			name: 'Ellen Brown',
			account: { id: 'widget', name: 'Widget International' },
		},
		attachment: null,
		created_at: '2016-12-23T05:09:09-06:00',
		id: 75,
		planned_effort: 240,
		status: 'waiting_for',
		updated_at: '2017-01-19T13:34:25-06:00',
		waiting_until: '2017-01-22T15:00:00Z',
		account: { id: 'widget', name: 'Widget International' },
	},
	{
		assignee: {
			id: 6,
			name: 'Howard Tanner',
			account: { id: 'widget', name: 'Widget International' },
		},
		attachment: null,
		created_at: '2017-01-19T13:24:16-06:00',
		id: 107,
		planned_effort: null,
		status: 'assigned',
		updated_at: '2017-01-19T13:33:59-06:00',
		waiting_until: null,
		account: { id: 'widget', name: 'Widget International' },
	},
];

/** The documented create answer. */
const created: IDataObject = {
	assignee: { id: 41, name: 'Beatrice Baldwin' },
	account: { id: 'widget', name: 'Widget International' },
	attachment: null,
	created_at: '2017-01-19T13:55:32-06:00',
	id: 109,
	status: 'assigned',
	updated_at: '2017-01-19T13:55:32-06:00',
};

describe('Xurrent › Get', () => {
	it('lists the task’s assignments and returns the one asked for', async () => {
		api().get(taskPath).query({ per_page: '100' }).reply(200, documentedList);
		const result = await run({ operation: 'get', assignmentId: '107' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([documentedList[1]]);
	});

	it('finds an assignment on a later page', async () => {
		const first = Array.from({ length: 100 }, (_, index) => ({ id: 1000 + index }));
		api()
			.get(taskPath)
			.query({ per_page: '100' })
			.reply(200, first, {
				Link: `<${origin}${taskPath}?per_page=100&search_after=Yw>; rel="next"`,
			})
			.get(taskPath)
			.query({ per_page: '100', search_after: 'Yw' })
			.reply(200, documentedList);
		const result = await run({ operation: 'get', assignmentId: '75' });
		expect(result.items.map((item) => item.json)).toEqual([documentedList[0]]);
	});

	it('stops at the page holding the assignment: later pages are not requested', async () => {
		// Only page 1 is mocked and the network is closed: a request for page 2 would fail the run.
		api()
			.get(taskPath)
			.query({ per_page: '100' })
			.reply(200, documentedList, {
				Link: `<${origin}${taskPath}?per_page=100&search_after=Yw>; rel="next"`,
			});
		const result = await run({ operation: 'get', assignmentId: '107' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([documentedList[1]]);
	});

	it('answers a missing assignment with a 404 error that says what was looked for', async () => {
		api().get(taskPath).query({ per_page: '100' }).reply(200, documentedList);
		const result = await run({ operation: 'get', assignmentId: '999' });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Assignment 999 was not found in project task 5 [item 0]');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain('has 2 assignments, none with ID 999');
	});
});

describe('Xurrent › Create', () => {
	it('posts assignee_id, planned_effort and waiting_until and returns the 201 record', async () => {
		api()
			.post(taskPath, {
				assignee_id: 41,
				planned_effort: 180,
				waiting_until: '2017-01-22T15:00:00Z',
			})
			.reply(201, created);
		const result = await run({
			operation: 'create',
			assigneeId: { __rl: true, mode: 'id', value: '41' },
			additionalFields: { plannedEffort: 180, waitingUntil: '2017-01-22T15:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([created]);
	});

	it('sends a waiting-until date produced by an expression in ISO form', async () => {
		api()
			.post(taskPath, { assignee_id: 41, waiting_until: '2026-03-01T09:00:00.000Z' })
			.reply(201, created);
		const result = await run({
			operation: 'create',
			assigneeId: '={{ 41 }}',
			additionalFields: {
				waitingUntil: '={{ DateTime.fromISO("2026-03-01T09:00:00Z", { zone: "utc" }) }}',
			},
		});
		expect(result.error).toBeUndefined();
	});

	it('sends only the assignee when nothing else is set, and accepts the maximum effort', async () => {
		api().post(taskPath, { assignee_id: 41 }).reply(201, created);
		api().post(taskPath, { assignee_id: 41, planned_effort: 600000 }).reply(201, created);
		expect(
			(await run({ operation: 'create', assigneeId: { __rl: true, mode: 'id', value: '41' } }))
				.error,
		).toBeUndefined();
		const max = await run({
			operation: 'create',
			assigneeId: { __rl: true, mode: 'id', value: '41' },
			additionalFields: { plannedEffort: 600000 },
		});
		expect(max.error).toBeUndefined();
	});

	it.each([
		[
			{
				assigneeId: { __rl: true, mode: 'id', value: '41' },
				additionalFields: { plannedEffort: 600001 },
			},
			'Planned Effort must be a whole number between 0 and 600000, got 600001 [item 0]',
		],
		[
			{
				assigneeId: { __rl: true, mode: 'id', value: '41' },
				additionalFields: { plannedEffort: 1.5 },
			},
			'Planned Effort must be a whole number between 0 and 600000, got 1.5 [item 0]',
		],
		[
			{
				assigneeId: { __rl: true, mode: 'id', value: '41' },
				additionalFields: { waitingUntil: 'next tuesday' },
			},
			'Waiting Until must be a date, got "next tuesday" [item 0]',
		],
		[{ assigneeId: '={{ $json.nobody }}' }, 'Assignee ID is empty [item 0]'],
		[
			{ assigneeId: 'Ellen Brown' },
			'Assignee ID must be a positive whole number, got "Ellen Brown" [item 0]',
		],
	])('refuses bad input %j without a request', async (parameters, message) => {
		const seen = requestsMade();
		const result = await run({ operation: 'create', ...parameters });
		expect(result.error?.message).toBe(message);
		expect(seen).toEqual([]);
	});
});

describe('Xurrent › Update', () => {
	it('patches only the fields set and returns the 200 record', async () => {
		const updated = { ...documentedList[0], planned_effort: 300, assignee: { id: 6 } };
		api().patch(`${taskPath}/75`, { assignee_id: 6, planned_effort: 300 }).reply(200, updated);
		const result = await run({
			operation: 'update',
			assignmentId: '75',
			updateFields: { assigneeId: { __rl: true, mode: 'id', value: '6' }, plannedEffort: 300 },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([updated]);
	});

	it('refuses empty Update Fields without a request', async () => {
		const seen = requestsMade();
		const result = await run({ operation: 'update', assignmentId: '75', updateFields: {} });
		expect(result.error?.message).toBe('Update Fields is empty [item 0]');
		expect(seen).toEqual([]);
	});

	it('does not offer the read-only status', () => {
		const updateFields = new Xurrent().description.properties.find(
			(property) => property.name === 'updateFields',
		);
		const names = (updateFields?.options ?? []).map((option) => option.name);
		expect(names).toEqual(['assigneeId', 'plannedEffort', 'waitingUntil']);
	});
});

describe('Xurrent › Delete', () => {
	it('removes one assignment (204) and outputs deleted and the ID', async () => {
		api().delete(`${taskPath}/75`).reply(204);
		const result = await run({ operation: 'delete', assignmentId: '75' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ deleted: true, id: 75 }]);
	});
});

describe('Xurrent › Delete All', () => {
	it('sends the documented DELETE …/assignments/ (trailing slash) and outputs the task ID', async () => {
		api().delete(`${taskPath}/`).reply(204);
		const result = await run({ operation: 'deleteAll' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ deleted: true, taskId: 5 }]);
	});

	it.each(['={{ $json.none }}', ' ', '5/assignments'])(
		'refuses Project Task ID %j without a request',
		async (taskId) => {
			const seen = requestsMade();
			const result = await run({ operation: 'deleteAll', taskId });
			expect(result.error?.message).toMatch(/^Project Task ID .* \[item 0\]$/);
			expect(seen).toEqual([]);
		},
	);
});

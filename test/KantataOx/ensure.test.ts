import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';
import { api, assignment, envelope, jsonOf, output, pairing, run } from './fixtures';

const story = { __rl: true, mode: 'id', value: '26133885' };
const assignee = { __rl: true, mode: 'id', value: '3711195' };

/** The one lookup of a pair: the task and the user, archived projects and tasks included. */
const lookup = (who: IDataObject = { assignee_id: '3711195' }) =>
	api()
		.get('/api/v1/assignments.json')
		.query({
			story_id: '26133885',
			...who,
			in_unarchived_workspaces: 'false',
			in_unarchived_stories: 'false',
			order: 'created_at:asc',
			page: '1',
			per_page: '200',
		});

describe('Kantata OX › Assign (If Not Assigned)', () => {
	it('creates the assignment when the pair has none', async () => {
		lookup().reply(200, envelope([]));
		const created = assignment(2001, { estimated_minutes: 90 });
		api()
			.post('/api/v1/assignments.json', {
				assignment: { story_id: 26133885, assignee_id: 3711195, estimated_minutes: 90 },
			})
			.reply(200, envelope([created]));
		const result = await run({
			operation: 'ensureAssigned',
			storyId: story,
			assigneeId: assignee,
			additionalFields: { estimatedMinutes: 90 },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ ...output(created), action: 'created' }]);
	});

	it('reactivates an unassigned one (current=false) by setting current to true', async () => {
		lookup().reply(200, envelope([assignment(1001, { current: false })]));
		api()
			.put('/api/v1/assignments/1001.json', { assignment: { current: true } })
			.reply(200, envelope([assignment(1001)]));
		const result = await run({ operation: 'ensureAssigned', storyId: story, assigneeId: assignee });
		expect(jsonOf(result.items)).toEqual([{ ...output(assignment(1001)), action: 'reactivated' }]);
	});

	it('updates the estimate of a current one that differs', async () => {
		lookup().reply(200, envelope([assignment(1001)]));
		const updated = assignment(1001, { estimated_minutes: 90 });
		api()
			.put('/api/v1/assignments/1001.json', { assignment: { estimated_minutes: 90 } })
			.reply(200, envelope([updated]));
		const result = await run({
			operation: 'ensureAssigned',
			storyId: story,
			assigneeId: assignee,
			additionalFields: { estimatedMinutes: 90 },
		});
		expect(jsonOf(result.items)).toEqual([{ ...output(updated), action: 'updated' }]);
	});

	it('leaves a matching current one alone: the lookup is the only request', async () => {
		// An inactive record of the same pair comes first: the current one is the one kept.
		lookup().reply(200, envelope([assignment(1000, { current: false }), assignment(1001)]));
		const result = await run({
			operation: 'ensureAssigned',
			storyId: story,
			assigneeId: assignee,
			additionalFields: { estimatedMinutes: 480 },
		});
		expect(jsonOf(result.items)).toEqual([{ ...output(assignment(1001)), action: 'unchanged' }]);
	});

	it('looks a resource up by resource_id, unnamed resources included', async () => {
		lookup({ resource_id: '555', include_unnamed: 'true' }).reply(
			200,
			envelope([assignment(1001)]),
		);
		const result = await run({
			operation: 'ensureAssigned',
			storyId: story,
			resourceId: { __rl: true, mode: 'id', value: '555' },
		});
		expect(jsonOf(result.items)).toEqual([{ ...output(assignment(1001)), action: 'unchanged' }]);
	});

	it.each([
		['no task', { storyId: '={{ "" }}' }, 'Story ID is empty [item 0]'],
		['no user or resource', { assigneeId: '' }, 'Set Assignee ID or Resource ID [item 0]'],
		[
			'both user and resource',
			{ resourceId: '555' },
			'Set either Assignee ID or Resource ID, not both [item 0]',
		],
		[
			'a negative estimate',
			{ additionalFields: { estimatedMinutes: -5 } },
			'Estimated Minutes must be a whole number 0 or more, got -5 [item 0]',
		],
	])('bad input (%s) stops before any request', async (_, change, message) => {
		const result = await run({
			operation: 'ensureAssigned',
			storyId: story,
			assigneeId: assignee,
			...change,
		});
		expect(result.error?.message).toBe(message);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('with continue on fail, a bad item gives its error item and the others their results, paired', async () => {
		lookup().reply(200, envelope([assignment(1001)]));
		lookup().reply(200, envelope([assignment(1001)]));
		const result = await run(
			{
				operation: 'ensureAssigned',
				storyId: '={{ $json.story }}',
				assigneeId: assignee,
				requestOptions: { concurrency: 1 },
			},
			{
				items: [{ story: '26133885' }, { story: 'x' }, { story: '26133885' }],
				continueOnFail: true,
			},
		);
		expect(pairing(result.items)).toEqual([0, 1, 2]);
		expect(jsonOf(result.items).map((json) => json.action ?? json.error)).toEqual([
			'unchanged',
			'Story ID must be a positive whole number, got "x" [item 1]',
			'unchanged',
		]);
	});
});

describe('Kantata OX › Unassign (If Assigned)', () => {
	it('unassigns the current assignment of the pair with the vendor’s delete', async () => {
		lookup().reply(200, envelope([assignment(1001)]));
		api().delete('/api/v1/assignments/1001.json').reply(204);
		const result = await run({
			operation: 'ensureUnassigned',
			storyId: story,
			assigneeId: assignee,
		});
		expect(jsonOf(result.items)).toEqual([{ deleted: true, id: '1001' }]);
	});

	it('answers "not found" without a write when the pair has no assignment', async () => {
		lookup().reply(200, envelope([]));
		const result = await run({
			operation: 'ensureUnassigned',
			storyId: story,
			assigneeId: assignee,
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found' }]);
	});

	it('answers "not assigned" without a write when the assignment is already unassigned', async () => {
		lookup().reply(200, envelope([assignment(1001, { current: false })]));
		const result = await run({
			operation: 'ensureUnassigned',
			storyId: story,
			assigneeId: assignee,
		});
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not assigned', id: '1001' }]);
	});

	it('answers "not found" when the delete meets a 404 (removed since the lookup)', async () => {
		lookup().reply(200, envelope([assignment(1001)]));
		api()
			.delete('/api/v1/assignments/1001.json')
			.reply(404, { errors: [{ type: 'system', message: 'Not found' }] });
		const result = await run({
			operation: 'ensureUnassigned',
			storyId: story,
			assigneeId: assignee,
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([{ deleted: false, reason: 'not found', id: '1001' }]);
	});

	it('bad input stops before any request', async () => {
		const result = await run({ operation: 'ensureUnassigned', storyId: story, assigneeId: 'abc' });
		expect(result.error?.message).toBe(
			'Assignee ID must be a positive whole number, got "abc" [item 0]',
		);
	});
});

describe('Kantata OX › Assign/Unassign against the stateful sandbox', () => {
	const env = useSandbox({ size: { kantata: 50 } });
	const ensure = async (operation: string, items: IDataObject[]) =>
		await runNode({
			node: 'kantataOx',
			credentials: env.credentials('kantataOxApi'),
			items,
			parameters: {
				resource: 'assignment',
				operation,
				storyId: '={{ $json.story }}',
				assigneeId: '={{ $json.user }}',
			},
		});
	const methods = () => env.sandbox.requests.map((request) => request.method);
	// The sandbox's empty task and its admin user, who has a resource in the task's project.
	const pair = { story: '26100001', user: '3700001' };

	it('running the same input twice changes nothing the second time', async () => {
		env.sandbox.clearRequests();
		const first = await ensure('ensureAssigned', [pair, pair]);
		expect(first.error).toBeUndefined();
		// Two items with the same pair in one run: the second waits for the first and finds it.
		expect(jsonOf(first.items).map((json) => json.action)).toEqual(['created', 'unchanged']);
		expect(methods()).toEqual(['GET', 'POST', 'GET']);
		const id = jsonOf(first.items)[0].id;

		env.sandbox.clearRequests();
		const second = await ensure('ensureAssigned', [pair]);
		expect(jsonOf(second.items)).toEqual([expect.objectContaining({ id, action: 'unchanged' })]);
		expect(methods()).toEqual(['GET']);

		env.sandbox.clearRequests();
		const unassigned = await ensure('ensureUnassigned', [pair]);
		expect(jsonOf(unassigned.items)).toEqual([{ deleted: true, id }]);
		const again = await ensure('ensureUnassigned', [pair]);
		expect(jsonOf(again.items)).toEqual([{ deleted: false, reason: 'not assigned', id }]);
		expect(methods()).toEqual(['GET', 'DELETE', 'GET']);

		env.sandbox.clearRequests();
		const back = await ensure('ensureAssigned', [pair]);
		expect(jsonOf(back.items)).toEqual([
			expect.objectContaining({ id, current: true, action: 'reactivated' }),
		]);
		expect(methods()).toEqual(['GET', 'PUT']);
	});
});

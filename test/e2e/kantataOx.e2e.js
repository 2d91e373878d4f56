'use strict';
// Cases for workflows/kantataOx.json, run by scripts/e2e.js after `n8n execute`. Each case gets
// the node outputs and the sandbox's request log of that one execution.

const assert = require('node:assert/strict');

const STORY = '26100001';
const ADMIN = '3700001';
const PREFIX = '/kantata/api/v1';
const PAGE = 200;

module.exports = {
	vendor: 'kantata',
	// 650 seeded assignments leave about 500 visible under Kantata's default filters: 3 pages.
	sandbox: { size: { kantata: 650 } },

	/**
	 * What Return All must give, computed from the sandbox's raw records (not through its API):
	 * Kantata's default filters hide archived projects and tasks and unnamed resources.
	 */
	prepare(sandbox) {
		const s = sandbox.state.kantata;
		const expectedIds = s.order.filter((id) => {
			const a = s.assignments.get(id);
			const story = s.stories.get(a.story_id);
			return (
				!story.archived &&
				!s.workspaces.get(story.workspace_id).archived &&
				s.resources.get(String(a.resource_id)).user_id !== null
			);
		});
		const pages = Math.ceil(expectedIds.length / PAGE);
		assert.ok(pages >= 3, `the seed should need at least 3 pages, has ${pages}`);
		return { expectedIds, pages };
	},

	cases: {
		'getAll (Return All) outputs every visible assignment once, oldest first, envelope resolved'({
			output,
			prepared,
		}) {
			const items = output('List All');
			assert.equal(items.length, prepared.expectedIds.length);
			assert.deepEqual(
				items.map((i) => i.id),
				prepared.expectedIds,
			);
			for (const item of items.slice(0, 50)) {
				assert.equal(typeof item.id, 'string');
				assert.equal(typeof item.story_id, 'string');
				// The API types resource_id as a number; the node outputs every ID as a string.
				assert.equal(typeof item.resource_id, 'string');
				assert.equal(typeof item.current, 'boolean');
				assert.match(item.created_at, /-07:00$/);
			}
		},

		'getAll (Return All) asks for exactly the pages it needs, 200 per page'({
			requests,
			prepared,
		}) {
			const lists = requests.filter(
				(r) =>
					r.method === 'GET' &&
					r.path === `${PREFIX}/assignments.json` &&
					r.query.story_id === undefined,
			);
			assert.equal(lists.length, prepared.pages, 'one request per page, no empty extra page');
			lists.forEach((r, index) => {
				assert.deepEqual(r.query, {
					order: 'created_at:asc',
					page: String(index + 1),
					per_page: String(PAGE),
				});
				assert.equal(r.status, 200);
			});
		},

		'create sends {assignment:{…}} and outputs the created assignment'({ output, requests }) {
			const [created] = output('Create');
			assert.equal(output('Create').length, 1);
			assert.equal(created.story_id, STORY);
			assert.equal(created.assignee_id, ADMIN);
			assert.equal(created.estimated_minutes, 240);
			assert.equal(created.current, true);
			const post = requests.filter((r) => r.method === 'POST');
			assert.equal(post.length, 1);
			assert.equal(post[0].path, `${PREFIX}/assignments.json`);
			assert.deepEqual(post[0].body, {
				assignment: {
					story_id: Number(STORY),
					assignee_id: Number(ADMIN),
					current: true,
					estimated_minutes: 240,
				},
			});
			assert.equal(post[0].status, 200);
		},

		'get outputs the assignment with assignee and story resolved from the include'({
			output,
			requests,
		}) {
			const [created] = output('Create');
			const [got] = output('Get');
			assert.equal(got.id, created.id);
			assert.equal(got.assignee.id, ADMIN);
			assert.equal(got.assignee.full_name, 'Sandbox Admin');
			assert.equal(got.story.id, STORY);
			assert.equal(got.story.title, 'Sandbox: assign me');
			const get = requests.find(
				(r) => r.method === 'GET' && r.path === `${PREFIX}/assignments/${created.id}.json`,
			);
			assert.deepEqual(get.query, { include: 'assignee,story' });
		},

		'update sends only the changed field and outputs the new value'({ output, requests }) {
			const [created] = output('Create');
			const [updated] = output('Update');
			assert.equal(updated.id, created.id);
			assert.equal(updated.estimated_minutes, 480);
			const put = requests.filter((r) => r.method === 'PUT');
			assert.equal(put.length, 1);
			assert.equal(put[0].path, `${PREFIX}/assignments/${created.id}.json`);
			assert.deepEqual(put[0].body, { assignment: { estimated_minutes: 480 } });
		},

		'delete answers 204, outputs {deleted, id}, and only unassigns (current = false)'({
			output,
			requests,
			sandbox,
		}) {
			const [created] = output('Create');
			assert.deepEqual(output('Delete'), [{ deleted: true, id: created.id }]);
			const del = requests.filter((r) => r.method === 'DELETE');
			assert.equal(del.length, 1);
			assert.equal(del[0].path, `${PREFIX}/assignments/${created.id}.json`);
			assert.equal(del[0].status, 204);
			const [after] = output('Get After Delete');
			assert.equal(after.id, created.id);
			assert.equal(after.current, false);
			assert.equal(sandbox.state.kantata.assignments.get(created.id).current, false);
		},

		'getAll with a limit and a filter asks for no more than the limit and sees the change'({
			output,
			requests,
		}) {
			const [created] = output('Create');
			const items = output('List Task Assignments');
			assert.equal(items.length, 1);
			assert.equal(items[0].id, created.id);
			assert.equal(items[0].current, false);
			assert.equal(items[0].estimated_minutes, 480);
			assert.equal(items[0].assignee.full_name, 'Sandbox Admin');
			const lists = requests.filter((r) => r.query.story_id === STORY);
			assert.equal(lists.length, 1);
			assert.deepEqual(lists[0].query, {
				story_id: STORY,
				order: 'created_at:asc',
				include: 'assignee',
				page: '1',
				per_page: '3',
			});
		},

		'a version 1.1 node outputs the simplified shape by default (the version 1 nodes above stay raw)'({
			output,
			sandbox,
		}) {
			const [created] = output('Create');
			const story = sandbox.state.kantata.stories.get(STORY);
			assert.deepEqual(output('Get Simplified'), [
				{
					id: created.id,
					vendor: 'kantataOx',
					assigneeId: ADMIN,
					assigneeType: 'user',
					assigneeName: 'Sandbox Admin',
					taskId: STORY,
					taskName: 'Sandbox: assign me',
					projectId: story.workspace_id,
					startsOn: story.start_date,
					endsOn: story.due_date,
					effortMinutes: 480,
					effortMinutesPerDay: null,
					allocationPercent: null,
					status: null,
					active: false,
					createdAt: created.created_at,
					updatedAt: output('Get After Delete')[0].updated_at,
				},
			]);
		},

		'every request carries the credential’s Bearer token and asks for JSON'({
			requests,
			prepared,
		}) {
			assert.equal(requests.length, prepared.pages + 7);
			for (const r of requests) {
				assert.equal(r.vendor, 'kantata', `${r.method} ${r.path}`);
				assert.deepEqual([r.auth.present, r.auth.valid], [true, true], `${r.method} ${r.path}`);
				assert.equal(r.headers.accept, 'application/json');
				assert.ok(r.path.endsWith('.json'));
			}
		},
	},
};

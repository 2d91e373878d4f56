'use strict';
// Cases for workflows/paymo.json, run by scripts/e2e.js after `n8n execute`. Each case gets the
// node outputs and the sandbox's request log of that one execution.
//
// The sandbox enforces Paymo's rate limit (5 requests per fixed 5 s window, 429 + Retry-After
// beyond it), and the suite expects the node never to hit it. The node paces itself from the
// rate-limit headers, but only within one node execution: a node that starts right after another
// one spent the window's last request does not know and gets a 429 (which it then waits out).
// The workflow's order and sizes keep every window's 5th request inside a node that goes on
// (List By User: 5 + pause + 2; List With Limit: 1 + pause + 1) or at the very end, so a 429
// here means the pacing inside a node failed. Changing the nodes or the sizes changes this
// arithmetic; the 'rate limit' case checks the exact request sequence it relies on.

const assert = require('node:assert/strict');

const PREFIX = '/paymo/api';
const PAGE = 100;
const LIMIT = { limit: 5, windowSeconds: 5 };
const ADMIN = 241185; // the API key's user, holds 30 % of the seeded assignments
const USER = 241184; // Beatrice Baldwin, not on the empty task
const EMPTY_TASK = 48591; // 'Sandbox: assign me', no assignments
const TASK = 48616; // a seeded task with several assignments (seed 'e2e', size 2000)
const LIMITED = 150;

const list = (r) => r.method === 'GET' && r.path === `${PREFIX}/userstasks`;
const ids = (items) => items.map((i) => i.id);

/** Return All's requests for n records: ⌈n / 100⌉ pages, one more when the last page is full. */
const requestsFor = (n) => Math.floor(n / PAGE) + 1;

module.exports = {
	vendor: 'paymo',
	// 2000 seeded assignments: the admin holds 600, 6 full pages of 100 (7 requests, the last empty).
	sandbox: { size: { paymo: 2000 }, rateLimit: { paymo: LIMIT } },

	/** What each list must give, computed from the sandbox's raw records (not through its API). */
	prepare(sandbox) {
		const s = sandbox.state.paymo;
		const all = [...s.userstasks.values()];
		const admin = all.filter((r) => r.user_id === ADMIN).map((r) => r.id);
		const task = all.filter((r) => r.task_id === TASK).map((r) => r.id);
		assert.ok(admin.length >= 3 * PAGE, `the admin should need ≥ 3 pages, has ${admin.length}`);
		assert.ok(task.length >= 2, `task ${TASK} should hold several assignments, has ${task.length}`);
		assert.equal(
			all.filter((r) => r.task_id === EMPTY_TASK).length,
			0,
			`task ${EMPTY_TASK} should be empty`,
		);
		return {
			admin,
			adminRequests: requestsFor(admin.length),
			task,
			nextId: s.next.userstask,
			users: s.users,
			tasks: s.tasks,
		};
	},

	cases: {
		'getAll by user, Return All: every assignment of the user exactly once, user and task nested'({
			output,
			prepared,
		}) {
			const items = output('List By User');
			assert.equal(items.length, prepared.admin.length);
			assert.equal(new Set(ids(items)).size, items.length, 'no assignment twice');
			assert.deepEqual(ids(items), prepared.admin);
			for (const item of items) {
				assert.equal(item.user_id, ADMIN);
				assert.deepEqual(item.user, { ...prepared.users.get(ADMIN) });
				assert.equal(item.user.name, 'Sandbox Admin');
				assert.equal(item.task.id, item.task_id);
				assert.equal(item.task.name, prepared.tasks.get(item.task_id).name);
				assert.match(item.created_on, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			}
		},

		'getAll by user, Return All: pages 0, 1, … of 100, one request per page (+1 when the last is full)'({
			requests,
			prepared,
		}) {
			const pages = requests.filter((r) => list(r) && r.query.include === 'user,task');
			// 600 records: 6 full pages, and the 7th (empty) request is what tells the end.
			assert.equal(prepared.admin.length % PAGE, 0, 'the seed should end on a full page');
			assert.equal(pages.length, prepared.adminRequests);
			assert.equal(pages.length, prepared.admin.length / PAGE + 1);
			pages.forEach((r, index) => {
				assert.deepEqual(r.query, {
					where: `user_id=${ADMIN}`,
					include: 'user,task',
					page: String(index),
					page_size: String(PAGE),
				});
				assert.equal(r.status, 200);
			});
		},

		'getAll by task, Return All: every assignment of the task once, user nested, one request'({
			output,
			requests,
			prepared,
		}) {
			const items = output('List By Task');
			assert.deepEqual(ids(items), prepared.task);
			for (const item of items) {
				assert.equal(item.task_id, TASK);
				assert.equal(item.user.id, item.user_id);
				assert.equal(item.user.name, prepared.users.get(item.user_id).name);
				assert.equal(item.task, undefined);
			}
			const sent = requests.filter((r) => list(r) && r.query.where === `task_id=${TASK}`);
			assert.equal(sent.length, 1);
			assert.deepEqual(sent[0].query, {
				where: `task_id=${TASK}`,
				include: 'user',
				page: '0',
				page_size: String(PAGE),
			});
		},

		'getAll with Limit 150: the first 150 of the user, two pages of 100, nothing after'({
			output,
			requests,
			prepared,
		}) {
			const items = output('List With Limit');
			assert.deepEqual(ids(items), prepared.admin.slice(0, LIMITED));
			assert.equal(items[0].user, undefined);
			const sent = requests.filter(
				(r) => list(r) && r.query.where === `user_id=${ADMIN}` && r.query.include === undefined,
			);
			assert.deepEqual(
				sent.map((r) => r.query),
				[
					{ where: `user_id=${ADMIN}`, page: '0', page_size: String(PAGE) },
					{ where: `user_id=${ADMIN}`, page: '1', page_size: String(PAGE) },
				],
			);
		},

		'create POSTs user_id and task_id as numbers, 201, outputs the new record'({
			output,
			requests,
			prepared,
		}) {
			const created = output('Create');
			assert.equal(created.length, 1);
			assert.equal(created[0].id, prepared.nextId);
			assert.equal(created[0].user_id, USER);
			assert.equal(created[0].task_id, EMPTY_TASK);
			assert.match(created[0].created_on, /Z$/);
			const post = requests.filter((r) => r.method === 'POST');
			assert.equal(post.length, 1);
			assert.equal(post[0].path, `${PREFIX}/userstasks`);
			assert.deepEqual(post[0].body, { user_id: USER, task_id: EMPTY_TASK });
			assert.match(post[0].headers['content-type'], /^application\/json/);
			assert.equal(post[0].status, 201);
		},

		'get outputs the created assignment with user and task nested'({ output, requests }) {
			const [created] = output('Create');
			const got = output('Get');
			assert.equal(got.length, 1);
			assert.equal(got[0].id, created.id);
			assert.equal(got[0].user.id, USER);
			assert.equal(got[0].user.name, 'Beatrice Baldwin');
			assert.equal(got[0].task.id, EMPTY_TASK);
			assert.equal(got[0].task.name, 'Sandbox: assign me');
			const get = requests.filter(
				(r) => r.method === 'GET' && r.path === `${PREFIX}/userstasks/${created.id}`,
			);
			assert.equal(get.length, 1);
			assert.deepEqual(get[0].query, { include: 'user,task' });
			assert.equal(get[0].status, 200);
		},

		'update PUTs only the changed user_id and outputs the moved assignment'({ output, requests }) {
			const [created] = output('Create');
			const updated = output('Update');
			assert.equal(updated.length, 1);
			assert.equal(updated[0].id, created.id);
			assert.equal(updated[0].user_id, ADMIN);
			assert.equal(updated[0].task_id, EMPTY_TASK);
			const put = requests.filter((r) => r.method === 'PUT');
			assert.equal(put.length, 1);
			assert.equal(put[0].path, `${PREFIX}/userstasks/${created.id}`);
			assert.deepEqual(put[0].body, { user_id: ADMIN });
			assert.equal(put[0].status, 200);
		},

		'delete outputs {deleted, id}; the assignment is gone from the sandbox and the task list'({
			output,
			requests,
			sandbox,
		}) {
			const [created] = output('Create');
			assert.deepEqual(output('Delete'), [{ deleted: true, id: created.id }]);
			const del = requests.filter((r) => r.method === 'DELETE');
			assert.equal(del.length, 1);
			assert.equal(del[0].path, `${PREFIX}/userstasks/${created.id}`);
			assert.equal(del[0].status, 200);
			assert.equal(sandbox.state.paymo.userstasks.has(created.id), false);
			// The node ran (its run data exists) and found nothing left on the task.
			assert.deepEqual(output('List Task After Delete'), []);
			const after = requests.filter((r) => list(r) && r.query.where === `task_id=${EMPTY_TASK}`);
			assert.equal(after.length, 1);
			assert.equal(after[0].seq > del[0].seq, true);
			assert.equal(after[0].status, 200);
		},

		'rate limit: no 429, a pause of one decay period after each 5th request within a node'({
			requests,
			prepared,
		}) {
			assert.deepEqual(
				requests.filter((r) => r.status === 429 || r.fault),
				[],
				'no request refused or faulted',
			);
			// The sequence the zero-429 arithmetic of this workflow relies on (see the file header).
			const label = (r) =>
				list(r)
					? `list ${r.query.where}${r.query.include ? ` +${r.query.include}` : ''}`
					: `${r.method} ${r.path.slice(PREFIX.length)}`;
			const id = prepared.nextId;
			assert.deepEqual(requests.map(label), [
				...Array(prepared.adminRequests).fill(`list user_id=${ADMIN} +user,task`),
				`list task_id=${TASK} +user`,
				'POST /userstasks',
				`list user_id=${ADMIN}`,
				`list user_id=${ADMIN}`,
				`GET /userstasks/${id}`,
				`PUT /userstasks/${id}`,
				`DELETE /userstasks/${id}`,
				`list task_id=${EMPTY_TASK}`,
			]);
			const at = requests.map((r) => Date.parse(r.at));
			const windowMs = LIMIT.windowSeconds * 1000;
			// Request 6 (List By User, page 5) and request 11 (List With Limit, page 1) follow a
			// spent window inside the same node: the node waits a whole decay period before them.
			for (const index of [5, 10]) {
				const gap = at[index] - at[index - 1];
				assert.ok(gap >= windowMs, `request ${index + 1} came ${gap} ms after the one before`);
			}
			// No 5 s span saw more than the limit (the sandbox's windows are fixed, this is stricter).
			for (let i = LIMIT.limit; i < at.length; i++)
				assert.ok(
					at[i] - at[i - LIMIT.limit] >= windowMs,
					`requests ${i - LIMIT.limit + 1}–${i + 1} within ${at[i] - at[i - LIMIT.limit]} ms`,
				);
			// The sandbox's fixed windows, rebuilt from the arrival times: requests per window.
			const windows = [];
			let start = -Infinity;
			for (const t of at) {
				if (t >= start + windowMs) [start, windows[windows.length]] = [t, 0];
				windows[windows.length - 1] += 1;
			}
			const spanMs = at[at.length - 1] - at[0];
			console.log(
				`    rate: ${requests.length} requests in ${(spanMs / 1000).toFixed(2)} s, ` +
					`${windows.length} windows of ${LIMIT.windowSeconds} s holding ${windows.join('/')} ` +
					`(limit ${LIMIT.limit}); gaps ${at
						.slice(1)
						.map((t, i) => t - at[i])
						.join(',')} ms`,
			);
		},

		'every request: Basic auth with the API key as user name, JSON, under the Paymo prefix'({
			requests,
		}) {
			assert.ok(requests.length > 0);
			for (const r of requests) {
				const what = `${r.seq} ${r.method} ${r.path}`;
				assert.equal(r.vendor, 'paymo', what);
				assert.ok(r.path.startsWith(`${PREFIX}/userstasks`), what);
				// The sandbox counts it valid only for `Authorization: Basic base64(<API key>:…)`.
				assert.deepEqual(r.auth, { present: true, valid: true }, what);
				assert.equal(r.headers.accept, 'application/json', what);
			}
		},
	},
};

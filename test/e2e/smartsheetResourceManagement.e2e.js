'use strict';
// Cases for workflows/smartsheetResourceManagement.json, run by scripts/e2e.js after `n8n execute`.
// Each case gets the node outputs and the sandbox's request log of that one execution.
//
// The workflow is one chain (every node after "List All" runs once): the three Get Many scopes
// read the seed, three Creates (one per allocation mode) write to the fixture project 183760 and
// its phase 183761 (empty in the seed), then Get in each scope, Get Many by project and by
// placeholder, Update, Delete by user route and by placeholder route, a Get of the deleted record (404,
// continued) and a last Get Many of the project with its phases.

const assert = require('node:assert/strict');

const { constants } = require('../../sandbox/server');

const PREFIX = '/rm/api/v1';
const PAGE = 1000;
const USER = 30256;
const PROJECT = 183760;
const PHASE = 183761;
const PLACEHOLDER = 900001;
const FROM = '2024-06-01';
// The workflow gives a date-time; only its date part may be sent.
const TO = '2024-06-30';
const LIMIT = 5;
const SIZE = 2500;

const ids = (items) => items.map((item) => item.id);
const lists = (requests, path) => requests.filter((r) => r.method === 'GET' && r.path === path);

module.exports = {
	vendor: 'rm',
	// 2500 seeded assignments: 3 pages of 1000, the last one short.
	sandbox: { size: { rm: SIZE } },

	/** What each read must give, computed from the sandbox's raw records (not through its API). */
	prepare(sandbox) {
		const s = sandbox.state.rm;
		// A copy: the run changes the state, the expectations are of the seed.
		const records = structuredClone([...s.assignments.values()]);
		assert.equal(records.length, SIZE);
		const pages = Math.ceil(records.length / PAGE);
		assert.ok(pages >= 2, `the seed should need at least 2 pages, has ${pages}`);
		const ofUser = (id) => records.filter((a) => a.user_id === id);
		const june = records.filter((a) => !(a.ends_at < FROM) && !(a.starts_at > TO));
		assert.ok(june.length > LIMIT, `the limit case needs more than ${LIMIT} matches`);
		assert.ok(ofUser(USER).length > 0, 'the fixture user should have seeded assignments');
		assert.ok(ofUser(PLACEHOLDER).length > 0, 'the placeholder should have seeded assignments');
		assert.ok(
			!records.some((a) => a.assignable_id === PROJECT || a.assignable_id === PHASE),
			'the fixture project and phase should be empty in the seed',
		);
		const next = s.next.assignment;
		return {
			records,
			pages,
			ofUser: ofUser(USER),
			ofPlaceholder: ofUser(PLACEHOLDER),
			june: june.slice(0, LIMIT),
			// The three Creates run in this order and the sandbox numbers them consecutively.
			created: { percent: next, hours: next + 1, fixed: next + 2 },
			billRate: s.projects.get(PROJECT).bill_rate,
			phaseBillRate: s.projects.get(PHASE).bill_rate,
		};
	},

	cases: {
		'getAll all-scope Return All outputs every seeded assignment once, in ID order, unchanged'({
			output,
			prepared,
		}) {
			const items = output('List All');
			assert.equal(items.length, SIZE);
			assert.equal(new Set(ids(items)).size, SIZE);
			assert.deepEqual(items, prepared.records);
			for (const item of items) assert.equal(typeof item.id, 'number');
		},

		'getAll Return All sends exactly ceil(2500 / 1000) = 3 requests: per_page=1000, then paging.next'({
			requests,
			prepared,
		}) {
			const pages = lists(requests, `${PREFIX}/assignments`).filter(
				(r) => r.query.from === undefined,
			);
			assert.equal(prepared.pages, 3);
			assert.equal(pages.length, prepared.pages, 'one request per page, no empty extra page');
			assert.deepEqual(
				pages.map((r) => r.query),
				[
					{ per_page: String(PAGE) },
					{ per_page: String(PAGE), page: '2' },
					{ per_page: String(PAGE), page: '3' },
				],
			);
			for (const r of pages) assert.equal(r.status, 200);
		},

		'getAll with Limit 5 and From/To asks once for per_page=5 with date-only filters'({
			output,
			requests,
			prepared,
		}) {
			assert.deepEqual(output('List Limit'), prepared.june);
			const limited = lists(requests, `${PREFIX}/assignments`).filter(
				(r) => r.query.from !== undefined,
			);
			assert.equal(limited.length, 1);
			assert.deepEqual(limited[0].query, { from: FROM, to: TO, per_page: String(LIMIT) });
			assert.equal(limited[0].status, 200);
		},

		'getAll user scope reads /users/30256/assignments and outputs only that user’s assignments'({
			output,
			requests,
			prepared,
		}) {
			const items = output('List User');
			assert.deepEqual(items, prepared.ofUser);
			assert.ok(items.every((a) => a.user_id === USER));
			const calls = lists(requests, `${PREFIX}/users/${USER}/assignments`);
			assert.equal(calls.length, 1);
			assert.deepEqual(calls[0].query, { per_page: String(PAGE) });
		},

		'create percent: POST /users/30256/assignments, 50 % sent as 0.5, with status, description, note'({
			output,
			requests,
			prepared,
		}) {
			const out = output('Create Percent');
			assert.equal(out.length, 1);
			const [created] = out;
			assert.equal(created.id, prepared.created.percent);
			assert.equal(created.user_id, USER);
			assert.equal(created.assignable_id, PROJECT);
			assert.equal(created.starts_at, '2026-01-05');
			assert.equal(created.ends_at, '2026-01-30');
			assert.equal(created.allocation_mode, 'percent');
			assert.equal(created.percent, 0.5);
			assert.ok(!('hours_per_day' in created) && !('fixed_hours' in created));
			assert.equal(created.status_option_id, 2);
			assert.equal(created.description, 'E2E percent');
			assert.equal(created.note, 'Created by the e2e suite');
			assert.equal(created.bill_rate, prepared.billRate);
			const posts = requests.filter(
				(r) => r.method === 'POST' && r.path === `${PREFIX}/users/${USER}/assignments`,
			);
			assert.equal(posts.length, 1);
			assert.deepEqual(posts[0].query, {});
			assert.deepEqual(posts[0].body, {
				assignable_id: PROJECT,
				starts_at: '2026-01-05',
				ends_at: '2026-01-30',
				allocation_mode: 'percent',
				percent: 0.5,
				status_option_id: 2,
				description: 'E2E percent',
				note: 'Created by the e2e suite',
			});
			assert.match(posts[0].headers['content-type'], /^application\/json/);
			assert.equal(posts[0].status, 200);
		},

		'create hours per day with subtasks: POST /assignments with user_id, data envelope unwrapped'({
			output,
			requests,
			prepared,
		}) {
			const out = output('Create Hours Per Day');
			assert.equal(out.length, 1);
			const [created] = out;
			assert.equal(created.id, prepared.created.hours);
			assert.equal(created.user_id, USER);
			assert.equal(created.assignable_id, PHASE);
			assert.equal(created.bill_rate, prepared.phaseBillRate);
			assert.equal(created.allocation_mode, 'hours_per_day');
			assert.equal(created.hours_per_day, 6);
			assert.ok(!('percent' in created) && !('fixed_hours' in created));
			assert.deepEqual(
				created.subtasks.data.map((s) => [s.assignment_id, s.description, s.completed]),
				[
					[created.id, 'Kick-off', true],
					[created.id, 'Handover', false],
				],
			);
			const posts = requests.filter(
				(r) => r.method === 'POST' && r.path === `${PREFIX}/assignments`,
			);
			assert.equal(posts.length, 1);
			assert.deepEqual(posts[0].body, {
				user_id: USER,
				assignable_id: PHASE,
				starts_at: '2026-02-02',
				ends_at: '2026-02-13',
				allocation_mode: 'hours_per_day',
				hours_per_day: 6,
				subtasks: [
					{ description: 'Kick-off', completed: true },
					{ description: 'Handover', completed: false },
				],
			});
			assert.equal(posts[0].status, 200);
		},

		'create fixed for a placeholder: POST /placeholder_resources/900001/assignments with fixed_hours only'({
			output,
			requests,
			prepared,
		}) {
			const out = output('Create Fixed');
			assert.equal(out.length, 1);
			const [created] = out;
			assert.equal(created.id, prepared.created.fixed);
			assert.equal(created.user_id, PLACEHOLDER);
			assert.equal(created.assignable_id, PROJECT);
			assert.equal(created.allocation_mode, 'fixed');
			assert.equal(created.fixed_hours, 37.5);
			assert.ok(!('percent' in created) && !('hours_per_day' in created));
			assert.equal(created.status_option_id, null);
			assert.equal(created.description, null);
			const posts = requests.filter(
				(r) =>
					r.method === 'POST' &&
					r.path === `${PREFIX}/placeholder_resources/${PLACEHOLDER}/assignments`,
			);
			assert.equal(posts.length, 1);
			assert.deepEqual(posts[0].body, {
				assignable_id: PROJECT,
				starts_at: '2026-03-02',
				ends_at: '2026-03-20',
				allocation_mode: 'fixed',
				fixed_hours: 37.5,
			});
			assert.equal(posts[0].status, 200);
		},

		'get in each scope (none, user, project) outputs the stored assignment as created'({
			output,
			requests,
			prepared,
		}) {
			const { percent, hours, fixed } = prepared.created;
			assert.deepEqual(output('Get'), output('Create Percent'));
			// The stored record has no subtasks collection; everything else is as created.
			const { subtasks, ...hoursRecord } = output('Create Hours Per Day')[0];
			assert.ok(subtasks);
			assert.deepEqual(output('Get By User'), [hoursRecord]);
			assert.deepEqual(output('Get By Project'), output('Create Fixed'));
			for (const path of [
				`${PREFIX}/assignments/${percent}`,
				`${PREFIX}/users/${USER}/assignments/${hours}`,
				`${PREFIX}/projects/${PROJECT}/assignments/${fixed}`,
			]) {
				const gets = lists(requests, path);
				assert.ok(gets.length >= 1, `GET ${path}`);
				assert.equal(gets[0].status, 200, `GET ${path}`);
				assert.deepEqual(gets[0].query, {}, `GET ${path}`);
			}
		},

		'getAll project scope without phases gives the project’s own assignments, not the phase’s'({
			output,
			requests,
			prepared,
		}) {
			const { percent, fixed } = prepared.created;
			assert.deepEqual(output('List Project'), [...output('Get'), ...output('Get By Project')]);
			assert.deepEqual(ids(output('List Project')), [percent, fixed]);
			const calls = lists(requests, `${PREFIX}/projects/${PROJECT}/assignments`);
			assert.equal(calls.length, 2, 'this read and the one after the deletes');
			assert.deepEqual(calls[0].query, { per_page: String(PAGE) });
		},

		'getAll placeholder scope reads /placeholder_resources/900001/assignments, seed plus the new one'({
			output,
			requests,
			prepared,
		}) {
			const items = output('List Placeholder');
			assert.deepEqual(items, [...prepared.ofPlaceholder, ...output('Create Fixed')]);
			const calls = lists(requests, `${PREFIX}/placeholder_resources/${PLACEHOLDER}/assignments`);
			assert.equal(calls.length, 1);
			assert.deepEqual(calls[0].query, { per_page: String(PAGE) });
		},

		'update: PUT /assignments/:id with only the given fields; percent switched to hours per day'({
			output,
			requests,
			prepared,
		}) {
			const [before] = output('Create Percent');
			const out = output('Update');
			assert.equal(out.length, 1);
			const [updated] = out;
			assert.equal(updated.id, prepared.created.percent);
			assert.equal(updated.starts_at, before.starts_at);
			assert.equal(updated.ends_at, '2026-02-27');
			assert.equal(updated.allocation_mode, 'hours_per_day');
			assert.equal(updated.hours_per_day, 7.5);
			assert.ok(!('percent' in updated), 'only the active companion field is present');
			assert.equal(updated.status_option_id, 3);
			assert.equal(updated.description, 'E2E percent, extended');
			assert.equal(updated.note, '', 'an empty Note clears it');
			assert.equal(updated.created_at, before.created_at);
			const puts = requests.filter((r) => r.method === 'PUT');
			assert.equal(puts.length, 1);
			assert.equal(puts[0].path, `${PREFIX}/assignments/${prepared.created.percent}`);
			assert.deepEqual(puts[0].query, {});
			assert.deepEqual(puts[0].body, {
				ends_at: '2026-02-27',
				allocation_mode: 'hours_per_day',
				hours_per_day: 7.5,
				status_option_id: 3,
				description: 'E2E percent, extended',
				note: '',
			});
			assert.equal(puts[0].status, 200);
		},

		'delete by user route and by placeholder route: 200, {deleted, id}, gone from the sandbox, next Get 404s'({
			output,
			node,
			requests,
			sandbox,
			prepared,
		}) {
			const { percent, hours, fixed } = prepared.created;
			assert.deepEqual(output('Delete'), [{ deleted: true, id: percent }]);
			assert.deepEqual(output('Delete By Placeholder'), [{ deleted: true, id: fixed }]);
			const deletes = requests.filter((r) => r.method === 'DELETE');
			assert.deepEqual(
				deletes.map((r) => [r.path, r.status]),
				[
					[`${PREFIX}/users/${USER}/assignments/${percent}`, 200],
					[`${PREFIX}/placeholder_resources/${PLACEHOLDER}/assignments/${fixed}`, 200],
				],
			);
			const state = sandbox.state.rm.assignments;
			assert.equal(state.has(percent), false);
			assert.equal(state.has(fixed), false);
			assert.equal(state.has(hours), true);
			assert.equal(state.size, SIZE + 1);
			// The read after the delete: 404, kept as an error item by "continue (regular output)".
			// n8n 2.41.1 rewrites the JSON of an item that carries an error to { error: message }
			// (WorkflowExecute.normalizeNodeErrors), so the hint is on the item's error only.
			assert.deepEqual(output('Get After Delete'), [{ error: 'not found' }]);
			const [item] = node('Get After Delete').data.main[0];
			assert.equal(item.error.name, 'NodeApiError');
			assert.equal(item.error.message, 'not found');
			assert.match(item.error.description, /^Check the ID\./);
			const gets = lists(requests, `${PREFIX}/assignments/${percent}`);
			assert.deepEqual(
				gets.map((r) => r.status),
				[200, 404],
				'the Get before and the one after the delete; a 404 is not retried',
			);
		},

		'getAll project scope with phases after the deletes holds only the phase assignment'({
			output,
			requests,
		}) {
			const items = output('List Project After Delete');
			assert.deepEqual(items, output('Get By User'));
			assert.equal(items[0].assignable_id, PHASE);
			const calls = lists(requests, `${PREFIX}/projects/${PROJECT}/assignments`);
			assert.deepEqual(calls[1].query, { with_phases: 'true', per_page: String(PAGE) });
		},

		'the run makes exactly these 18 requests, each with a valid auth header and no token in the URL'({
			requests,
			prepared,
		}) {
			const { percent, hours, fixed } = prepared.created;
			const list = `${PREFIX}/assignments`;
			assert.deepEqual(
				requests.map((r) => `${r.method} ${r.path} ${r.status}`),
				[
					`GET ${list} 200`,
					`GET ${list} 200`,
					`GET ${list} 200`,
					`GET ${list} 200`,
					`GET ${PREFIX}/users/${USER}/assignments 200`,
					`POST ${PREFIX}/users/${USER}/assignments 200`,
					`POST ${list} 200`,
					`POST ${PREFIX}/placeholder_resources/${PLACEHOLDER}/assignments 200`,
					`GET ${list}/${percent} 200`,
					`GET ${PREFIX}/users/${USER}/assignments/${hours} 200`,
					`GET ${PREFIX}/projects/${PROJECT}/assignments/${fixed} 200`,
					`GET ${PREFIX}/projects/${PROJECT}/assignments 200`,
					`GET ${PREFIX}/placeholder_resources/${PLACEHOLDER}/assignments 200`,
					`PUT ${list}/${percent} 200`,
					`DELETE ${PREFIX}/users/${USER}/assignments/${percent} 200`,
					`DELETE ${PREFIX}/placeholder_resources/${PLACEHOLDER}/assignments/${fixed} 200`,
					`GET ${list}/${percent} 404`,
					`GET ${PREFIX}/projects/${PROJECT}/assignments 200`,
				],
			);
			for (const r of requests) {
				const label = `${r.method} ${r.path}?${new URLSearchParams(r.query)}`;
				assert.equal(r.vendor, 'rm', label);
				assert.deepEqual([r.auth.present, r.auth.valid], [true, true], label);
				assert.equal(r.query.auth, undefined, label);
				assert.ok(!r.path.includes(constants.rm.apiToken), label);
				for (const value of Object.values(r.query))
					assert.ok(!String(value).includes(constants.rm.apiToken), label);
				assert.equal(r.headers.accept, 'application/json', label);
				assert.equal(r.fault, null, label);
			}
		},
	},
};

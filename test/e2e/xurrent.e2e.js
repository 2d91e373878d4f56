'use strict';
// Cases for workflows/xurrent.json, run by scripts/e2e.js after `n8n execute`. The workflow runs
// every assignment operation twice in one chain: first with the personal-access-token credential
// (xurrentApi), then with the OAuth2 client-credentials one (xurrentOAuth2Api). Each case gets the
// node outputs and the sandbox's request log of that one execution.

const assert = require('node:assert/strict');

const PREFIX = '/xurrent/v1';
const TOKEN_PATH = '/xurrent/oauth/token';
const PAGE = 100;
const SIZE = 700;
const ACCOUNT = 'sandbox';
const STATIC_TOKEN = 'sandbox-xurrent-token';
const CLIENT_ID = 'sandbox-xurrent-client';
const CLIENT_SECRET = 'sandbox-xurrent-secret';
const BIG_TASK = 1001;
const EMPTY_TASK = 1002;

/** The two halves of the workflow, in execution order; the values mirror the node parameters. */
const CHAINS = [
	{
		label: 'Token',
		credential: 'xurrentApi',
		limit: 150,
		assignee: 41,
		createBody: { assignee_id: 41, planned_effort: 90, waiting_until: '2026-03-02T09:30:00Z' },
		updateBody: { planned_effort: 120 },
		deleteAllTask: 1006,
	},
	{
		label: 'OAuth2',
		credential: 'xurrentOAuth2Api',
		limit: 5,
		assignee: 6,
		createBody: { assignee_id: 6, planned_effort: 30 },
		updateBody: { assignee_id: 41, planned_effort: 45 },
		deleteAllTask: 1003,
	},
];

const listPath = (task) => `${PREFIX}/project_tasks/${task}/assignments`;
const isApi = (r) => r.path.startsWith(`${PREFIX}/`);
const isTokenCall = (r) => r.path === TOKEN_PATH;
const decodeCursor = (text) => JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
/** Requests Get Many with a limit needs: pages of min(limit, 100) until the limit is reached. */
const limitRequests = (limit) => Math.ceil(limit / Math.min(limit, PAGE));
/** API requests of one chain: Return All's pages, the limited walk, then one per other node. */
const chainRequests = (prepared, chain) => prepared.pages + limitRequests(chain.limit) + 5;

/**
 * The API requests of one chain, cut into the nodes that sent them. The token chain is every API
 * request before the first call of the token endpoint, the OAuth2 chain every one after it.
 */
function segments(requests, prepared, chain) {
	const firstTokenCall = requests.find(isTokenCall);
	assert.ok(firstTokenCall, 'the OAuth2 token endpoint was never called');
	const own = requests.filter(
		(r) =>
			isApi(r) &&
			(chain.label === 'Token' ? r.seq < firstTokenCall.seq : r.seq > firstTokenCall.seq),
	);
	const counts = {
		getAll: prepared.pages,
		limit: limitRequests(chain.limit),
		create: 1,
		get: 1,
		update: 1,
		delete: 1,
		deleteAll: 1,
	};
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	assert.equal(
		own.length,
		total,
		`${chain.label} chain: ${own.length} API requests, expected ${total}:\n${own.map((r) => `${r.method} ${r.path}`).join('\n')}`,
	);
	const out = {};
	let at = 0;
	for (const [name, count] of Object.entries(counts)) {
		out[name] = own.slice(at, at + count);
		at += count;
	}
	return out;
}

/** Checks a walk over task 1001: first page plain, every later one the Link's search_after cursor. */
function assertPages(lists, pageSize, items) {
	lists.forEach((r, index) => {
		assert.equal(r.method, 'GET');
		assert.equal(r.path, listPath(BIG_TASK));
		assert.equal(r.status, 200);
		if (index === 0) {
			assert.deepEqual(r.query, { per_page: String(pageSize) });
			return;
		}
		// The sandbox's rel="next" link keeps per_page (clamped to 100) and adds the cursor.
		assert.deepEqual(Object.keys(r.query).sort(), ['per_page', 'search_after']);
		assert.equal(r.query.per_page, String(Math.min(pageSize, PAGE)));
		assert.deepEqual(decodeCursor(r.query.search_after), {
			offset: index * pageSize,
			cursor: [items[index * pageSize - 1].id],
		});
	});
}

function chainCases(chain, index) {
	const { label } = chain;
	const name = (node) => `${label}: ${node}`;
	const createdId = (prepared) => prepared.nextAssignmentId + index;
	return {
		[`${label} › Get Many (Return All) outputs every assignment of task ${BIG_TASK} once, in ID order, in the minimum number of 100-record pages`]({
			output,
			requests,
			prepared,
		}) {
			const items = output(name('Get Many All'));
			assert.equal(items.length, prepared.bigTaskIds.length);
			assert.deepEqual(
				items.map((i) => i.id),
				prepared.bigTaskIds,
			);
			for (const item of items.slice(0, 20)) {
				assert.equal(typeof item.id, 'number');
				assert.equal(typeof item.assignee.id, 'number');
				assert.equal(item.account.id, ACCOUNT);
				assert.match(item.created_at, /-06:00$/);
			}
			const { getAll } = segments(requests, prepared, chain);
			assert.equal(getAll.length, prepared.pages, 'one request per page, no empty extra page');
			assertPages(getAll, PAGE, items);
		},

		[`${label} › Get Many (Limit ${chain.limit}) outputs the first ${chain.limit} assignments and asks for no more`]({
			output,
			requests,
			prepared,
		}) {
			const items = output(name('Get Many Limit'));
			assert.deepEqual(
				items.map((i) => i.id),
				prepared.bigTaskIds.slice(0, chain.limit),
			);
			const { limit } = segments(requests, prepared, chain);
			assert.equal(limit.length, limitRequests(chain.limit));
			assertPages(limit, Math.min(chain.limit, PAGE), items);
		},

		[`${label} › Create posts the bare body and outputs the created assignment`]({
			output,
			requests,
			prepared,
		}) {
			const created = output(name('Create'));
			assert.equal(created.length, 1);
			assert.equal(created[0].id, createdId(prepared));
			assert.equal(created[0].assignee.id, chain.assignee);
			assert.equal(created[0].status, 'assigned');
			assert.equal(created[0].planned_effort, chain.createBody.planned_effort);
			assert.equal(created[0].waiting_until, chain.createBody.waiting_until ?? null);
			const { create } = segments(requests, prepared, chain);
			assert.equal(create[0].method, 'POST');
			assert.equal(create[0].path, listPath(EMPTY_TASK));
			assert.deepEqual(create[0].query, {});
			assert.deepEqual(create[0].body, chain.createBody);
			assert.equal(create[0].headers['content-type'], 'application/json');
			assert.equal(create[0].status, 201);
		},

		[`${label} › Get lists task ${EMPTY_TASK} (documented endpoint) and outputs the created assignment`]({
			output,
			requests,
			prepared,
		}) {
			assert.deepEqual(output(name('Get')), output(name('Create')));
			const { get } = segments(requests, prepared, chain);
			assert.equal(get[0].method, 'GET');
			assert.equal(get[0].path, listPath(EMPTY_TASK));
			assert.deepEqual(get[0].query, { per_page: String(PAGE) });
			assert.equal(get[0].status, 200);
		},

		[`${label} › Update patches only the given fields and outputs the new values`]({
			output,
			requests,
			prepared,
		}) {
			const [created] = output(name('Create'));
			const updated = output(name('Update'));
			assert.equal(updated.length, 1);
			assert.equal(updated[0].id, created.id);
			assert.equal(updated[0].planned_effort, chain.updateBody.planned_effort);
			assert.equal(updated[0].assignee.id, chain.updateBody.assignee_id ?? chain.assignee);
			assert.equal(updated[0].waiting_until, created.waiting_until);
			assert.equal(updated[0].created_at, created.created_at);
			const { update } = segments(requests, prepared, chain);
			assert.equal(update[0].method, 'PATCH');
			assert.equal(update[0].path, `${listPath(EMPTY_TASK)}/${created.id}`);
			assert.deepEqual(update[0].body, chain.updateBody);
			assert.equal(update[0].status, 200);
		},

		[`${label} › Delete removes the one assignment by its own URL and outputs {deleted, id}`]({
			output,
			requests,
			prepared,
		}) {
			const [created] = output(name('Create'));
			assert.deepEqual(output(name('Delete')), [{ deleted: true, id: created.id }]);
			const { delete: del } = segments(requests, prepared, chain);
			assert.equal(del[0].method, 'DELETE');
			assert.equal(del[0].path, `${listPath(EMPTY_TASK)}/${created.id}`);
			assert.equal(del[0].status, 204);
		},

		[`${label} › Delete All calls …/project_tasks/${chain.deleteAllTask}/assignments/ and outputs {deleted, taskId}`]({
			output,
			requests,
			prepared,
		}) {
			assert.deepEqual(output(name('Delete All')), [
				{ deleted: true, taskId: chain.deleteAllTask },
			]);
			const { deleteAll } = segments(requests, prepared, chain);
			assert.equal(deleteAll[0].method, 'DELETE');
			assert.equal(deleteAll[0].path, `${listPath(chain.deleteAllTask)}/`);
			assert.equal(deleteAll[0].status, 204);
		},
	};
}

module.exports = {
	// 30 % of the assignments (210) sit on task 1001: 3 pages of 100.
	sandbox: { size: { xurrent: SIZE } },

	/**
	 * The expected data, from the sandbox's raw records. The sandbox logs whether a request's token
	 * was valid but not which token it was, so the token store is swapped for one that records
	 * every lookup: the sandbox looks each API request's Bearer token up there exactly once.
	 */
	prepare(sandbox) {
		const s = sandbox.state.xurrent;
		const bigTaskIds = s.tasks.get(BIG_TASK).assignmentIds.slice();
		const pages = Math.ceil(bigTaskIds.length / PAGE);
		assert.ok(pages >= 2, `task ${BIG_TASK} should need at least 2 pages, needs ${pages}`);
		assert.ok(bigTaskIds.length % PAGE !== 0, 'a partial last page is part of the test');
		assert.equal(s.tasks.get(EMPTY_TASK).assignmentIds.length, 0);
		const deleteAllIds = {};
		for (const { deleteAllTask } of CHAINS) {
			deleteAllIds[deleteAllTask] = s.tasks.get(deleteAllTask).assignmentIds.slice();
			assert.ok(
				deleteAllIds[deleteAllTask].length >= 2,
				`task ${deleteAllTask} should hold several assignments for Delete All`,
			);
		}
		const tokensLookedUp = [];
		const issued = s.tokens;
		s.tokens = new (class extends Map {
			get(key) {
				tokensLookedUp.push(key);
				return super.get(key);
			}
		})(issued);
		return {
			bigTaskIds,
			pages,
			deleteAllIds,
			nextAssignmentId: s.next.assignment,
			assignmentCount: s.assignments.size,
			tokensLookedUp,
		};
	},

	cases: {
		...Object.assign({}, ...CHAINS.map(chainCases)),

		'the run made exactly the minimum number of requests'({ requests, prepared }) {
			// 1 token request + (3 + 2 + 5) with the token + (3 + 1 + 5) with OAuth2 = 20.
			const expected = CHAINS.reduce((sum, chain) => sum + chainRequests(prepared, chain), 1);
			assert.equal(
				requests.length,
				expected,
				requests.map((r) => `${r.method} ${r.path}`).join('\n'),
			);
			for (const r of requests) assert.equal(r.vendor, 'xurrent', `${r.method} ${r.path}`);
		},

		'every API request carries the account header (both names on a custom host) and is authorised'({
			requests,
		}) {
			const api = requests.filter(isApi);
			assert.equal(api.length, requests.length - requests.filter(isTokenCall).length);
			for (const r of api) {
				const what = `${r.seq} ${r.method} ${r.path}`;
				assert.equal(r.headers['x-xurrent-account'], ACCOUNT, what);
				assert.equal(r.headers['x-4me-account'], ACCOUNT, what);
				assert.equal(r.headers.accept, 'application/json', what);
				assert.deepEqual(
					r.auth,
					{ present: true, valid: true, tokenValid: true, account: ACCOUNT },
					what,
				);
				assert.ok(r.status >= 200 && r.status < 300, `${what} → ${r.status}`);
			}
		},

		'token credential: every request of its chain carries the personal access token'({
			requests,
			prepared,
		}) {
			const api = requests.filter(isApi);
			assert.equal(prepared.tokensLookedUp.length, api.length, 'one token lookup per API request');
			const firstTokenCall = requests.find(isTokenCall);
			api.forEach((r, i) => {
				if (r.seq < firstTokenCall.seq)
					assert.equal(prepared.tokensLookedUp[i], STATIC_TOKEN, `${r.method} ${r.path}`);
			});
			assert.equal(
				api.filter((r) => r.seq < firstTokenCall.seq).length,
				chainRequests(prepared, CHAINS[0]),
			);
		},

		'OAuth2 credential: the token endpoint is called once with the client credentials, and every request of its chain carries the issued token'({
			requests,
			prepared,
			sandbox,
		}) {
			const calls = requests.filter(isTokenCall);
			assert.equal(calls.length, 1, 'n8n fetches the token once and stores it on the credential');
			const [call] = calls;
			assert.equal(call.method, 'POST');
			assert.equal(call.status, 200);
			assert.equal(call.headers['content-type'], 'application/x-www-form-urlencoded');
			// authentication: body (the credential's default): client ID and secret in the form body.
			assert.deepEqual(call.body, {
				grant_type: 'client_credentials',
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
			});
			// The OAuth2 chain starts with that call: the token chain ran entirely before it.
			const api = requests.filter(isApi);
			const oauthApi = api.filter((r) => r.seq > call.seq);
			assert.equal(oauthApi.length, chainRequests(prepared, CHAINS[1]));
			const s = sandbox.state.xurrent;
			assert.deepEqual([...s.tokens.keys()], ['sandbox-xurrent-cc-1'], 'one token issued');
			api.forEach((r, i) => {
				if (r.seq > call.seq)
					assert.equal(prepared.tokensLookedUp[i], 'sandbox-xurrent-cc-1', `${r.method} ${r.path}`);
			});
		},

		'Delete never sends …/assignments/ (or …/assignments): only the two Delete All nodes do'({
			requests,
		}) {
			const expected = CHAINS.map((c) => `DELETE ${listPath(c.deleteAllTask)}/`);
			// Only the Delete All nodes call a URL ending in /assignments/, whatever the method.
			const trailingSlash = requests.filter((r) => r.path.endsWith('/assignments/'));
			assert.deepEqual(
				trailingSlash.map((r) => `${r.method} ${r.path}`),
				expected,
			);
			const deletes = requests.filter((r) => r.method === 'DELETE');
			assert.equal(deletes.length, 4);
			// Xurrent (and the sandbox) also read DELETE …/assignments without the slash as delete-all.
			const all = deletes.filter((r) => /\/assignments\/?$/.test(r.path));
			assert.deepEqual(
				all.map((r) => `${r.method} ${r.path}`),
				expected,
			);
			// The two Delete nodes: each named one assignment of task 1002 by a positive numeric ID.
			const single = deletes.filter((r) => !all.includes(r));
			assert.equal(single.length, 2);
			for (const r of single)
				assert.match(r.path, new RegExp(`^${listPath(EMPTY_TASK)}/[1-9]\\d*$`), r.path);
			for (const r of requests.filter((r) => !all.includes(r)))
				assert.ok(!r.path.endsWith('/'), `${r.method} ${r.path}`);
		},

		'sandbox state after the deletes: both created assignments and both Delete All tasks are empty, nothing else changed'({
			output,
			sandbox,
			prepared,
		}) {
			const s = sandbox.state.xurrent;
			const created = CHAINS.map((c) => output(`${c.label}: Create`)[0].id);
			assert.deepEqual(created, [prepared.nextAssignmentId, prepared.nextAssignmentId + 1]);
			for (const id of created) {
				assert.equal(s.assignments.has(id), false, `assignment ${id} still exists`);
				assert.equal(s.taskOf.has(id), false);
			}
			assert.deepEqual(s.tasks.get(EMPTY_TASK).assignmentIds, []);
			let removed = 0;
			for (const { deleteAllTask } of CHAINS) {
				assert.deepEqual(s.tasks.get(deleteAllTask).assignmentIds, []);
				for (const id of prepared.deleteAllIds[deleteAllTask]) {
					assert.equal(s.assignments.has(id), false, `assignment ${id} still exists`);
					removed += 1;
				}
			}
			assert.deepEqual(s.tasks.get(BIG_TASK).assignmentIds, prepared.bigTaskIds);
			for (const id of prepared.bigTaskIds) assert.ok(s.assignments.has(id));
			assert.equal(s.assignments.size, prepared.assignmentCount - removed);
			assert.equal(s.next.assignment, prepared.nextAssignmentId + 2);
		},
	},
};

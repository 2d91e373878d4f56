'use strict';
// The Smartsheet Resource Management imitation: `auth` header, data + paging with relative links,
// scoped routes, overlap filters, bare single objects, 403 "bad data", 200-empty delete, and
// X-RateLimit-* headers.

const { useSandbox, call, jsonInit, auth } = require('./helpers');
const { createSandbox } = require('../server');

const sandbox = useSandbox({ size: { rm: 2500 } });
const base = () => sandbox().vendors.rm.baseUrl;
const origin = () => sandbox().url;
const get = (path, headers = auth.rm) => call(`${base()}${path}`, { headers });
const send = (method, path, body) => call(`${base()}${path}`, jsonInit(method, body, auth.rm));
const fx = () => sandbox().state.rm.fixtures;

describe('authentication', () => {
	it('answers 401 without the token or with a wrong one', async () => {
		expect((await get('/assignments', {})).status).toBe(401);
		const wrong = await get('/assignments', { auth: 'nope' });
		expect(wrong.status).toBe(401);
		expect(wrong.body).toEqual({ message: 'Unauthorized' });
	});

	it('accepts the token as `auth` header or as ?auth= query parameter', async () => {
		expect((await get('/users?per_page=1')).status).toBe(200);
		expect((await get(`/users?per_page=1&auth=${auth.rm.auth}`, {})).status).toBe(200);
	});
});

describe('collections', () => {
	it('wraps lists as {data, paging} with relative self/next links that carry no token', async () => {
		const res = await get('/assignments?per_page=2');
		expect(res.body.data).toHaveLength(2);
		expect(res.body.paging).toEqual({
			per_page: 2,
			page: 1,
			previous: null,
			self: '/rm/api/v1/assignments?per_page=2&page=1',
			next: '/rm/api/v1/assignments?per_page=2&page=2',
		});
	});

	it('walks paging.next at 1000 per page until it is null, seeing every assignment once', async () => {
		let next = '/rm/api/v1/assignments?per_page=1000';
		const seen = [];
		let requests = 0;
		while (next && requests < 10) {
			const res = await call(`${origin()}${next}`, { headers: auth.rm });
			requests += 1;
			seen.push(...res.body.data.map((a) => a.id));
			next = res.body.paging.next;
		}
		expect(requests).toBe(3);
		expect(seen).toHaveLength(2500);
		expect(new Set(seen).size).toBe(2500);
	});

	it('with the strippedNextLinks quirk, links carry the scope and page only, as recorded', async () => {
		sandbox().setQuirks({ rm: { strippedNextLinks: true } });
		try {
			const project = fx().projectId + 2;
			const res = await get(
				`/projects/${project}/assignments?per_page=1&from=2024-01-01&with_phases=true`,
			);
			expect(res.body.paging.self).toBe(
				`/rm/api/v1/projects/${project}/assignments?assignable_id=${project}&page=1`,
			);
			expect(res.body.paging.next).toBe(
				`/rm/api/v1/projects/${project}/assignments?assignable_id=${project}&page=2`,
			);
		} finally {
			sandbox().setQuirks({});
		}
		expect((await get('/assignments?per_page=1')).body.paging.next).toBe(
			'/rm/api/v1/assignments?per_page=1&page=2',
		);
	});

	it('caps per_page at 1000 and answers a page past the end with empty data and next null', async () => {
		expect((await get('/assignments?per_page=5000')).body.paging.per_page).toBe(1000);
		const past = await get('/assignments?per_page=1000&page=9');
		expect(past.body.data).toEqual([]);
		expect(past.body.paging.next).toBeNull();
		expect(past.body.paging.previous).toBe('/rm/api/v1/assignments?per_page=1000&page=8');
	});

	it('sends X-RateLimit-Limit/Remaining/Reset on every answer', async () => {
		const first = await get('/assignments?per_page=1');
		const second = await get('/assignments?per_page=1');
		expect(first.headers.get('x-ratelimit-limit')).toBe('120');
		expect(
			Number(first.headers.get('x-ratelimit-remaining')) -
				Number(second.headers.get('x-ratelimit-remaining')),
		).toBe(1);
		expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
	});
});

describe('scoped routes and filters', () => {
	it('lists one user’s assignments with the scope written into the links', async () => {
		const state = sandbox().state.rm;
		const userId = [...state.assignments.values()][0].user_id;
		const res = await get(`/users/${userId}/assignments?per_page=1000`);
		expect(res.body.data.every((a) => a.user_id === userId)).toBe(true);
		expect(res.body.data.length).toBe(
			[...state.assignments.values()].filter((a) => a.user_id === userId).length,
		);
		expect(res.body.paging.self).toBe(
			`/rm/api/v1/users/${userId}/assignments?user_id=${userId}&per_page=1000&page=1`,
		);
	});

	it('includes phase assignments on the project route only with with_phases=true', async () => {
		const state = sandbox().state.rm;
		const phase = [...state.projects.values()].find(
			(p) =>
				p.parent_id &&
				p.id !== fx().phaseId &&
				[...state.assignments.values()].some((a) => a.assignable_id === p.id),
		);
		const without = await get(`/projects/${phase.parent_id}/assignments?per_page=1000`);
		const withPhases = await get(
			`/projects/${phase.parent_id}/assignments?per_page=1000&with_phases=true`,
		);
		expect(without.body.data.every((a) => a.assignable_id === phase.parent_id)).toBe(true);
		expect(withPhases.body.data.length).toBeGreaterThan(without.body.data.length);
	});

	it('serves placeholder routes and 404s an unknown scope', async () => {
		expect((await get(`/placeholder_resources/${fx().placeholderId}/assignments`)).status).toBe(
			200,
		);
		const missing = await get('/users/1/assignments');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ message: 'not found' });
	});

	it('treats from/to as an overlap: ends on or after from, starts on or before to', async () => {
		const res = await get('/assignments?per_page=1000&from=2024-06-01&to=2024-06-30');
		expect(res.body.data.length).toBeGreaterThan(0);
		expect(
			res.body.data.every((a) => a.ends_at >= '2024-06-01' && a.starts_at <= '2024-06-30'),
		).toBe(true);
		const bad = await get('/assignments?from=June');
		expect(bad.status).toBe(403);
		expect(bad.body.message).toBe('bad data');
	});
});

describe('single objects', () => {
	it('answers show with the bare object, and 404 outside the scope', async () => {
		const a = [...sandbox().state.rm.assignments.values()][0];
		const res = await get(`/assignments/${a.id}`);
		expect(res.body).toEqual(a);
		expect((await get(`/users/${a.user_id}/assignments/${a.id}`)).status).toBe(200);
		const other = [...sandbox().state.rm.users.keys()].find((id) => id !== a.user_id);
		const wrong = await get(`/users/${other}/assignments/${a.id}`);
		expect(wrong.status).toBe(404);
		expect(wrong.body).toEqual({ message: 'not found' });
	});

	it('creates with 200 and a bare object, with percent allocation by default', async () => {
		const res = await call(`${base()}/users/${fx().userId}/assignments`, {
			method: 'POST',
			headers: { ...auth.rm, 'content-type': 'application/x-www-form-urlencoded' },
			body: `assignable_id=${fx().projectId}&starts_at=2026-01-05&ends_at=2026-01-09`,
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			user_id: fx().userId,
			assignable_id: fx().projectId,
			allocation_mode: 'percent',
			percent: 1,
			all_day_assignment: true,
			starts_at: '2026-01-05',
		});
		expect(res.body).not.toHaveProperty('hours_per_day');
		const list = await get(`/projects/${fx().projectId}/assignments`);
		expect(list.body.data.map((a) => a.id)).toEqual([res.body.id]);
	});

	it('wraps the answer in data with nested subtasks when created with subtasks', async () => {
		const res = await send('POST', '/assignments', {
			user_id: null,
			assignable_id: fx().projectId,
			starts_at: '2026-02-02',
			ends_at: '2026-02-06',
			subtasks: [{ description: 'New Task', completed: false }],
		});
		expect(res.status).toBe(200);
		expect(res.body.data[0].user_id).toBeNull();
		expect(res.body.data[0].subtasks.data[0]).toMatchObject({
			description: 'New Task',
			completed: false,
			assignment_id: res.body.data[0].id,
		});
	});

	it.each([
		[
			'missing dates',
			{ assignable_id: 183760 },
			["Starts at can't be blank", "Ends at can't be blank"],
		],
		[
			'ends before starts',
			{ assignable_id: 183760, starts_at: '2026-01-09', ends_at: '2026-01-05' },
			['Ends at must be on or after starts at'],
		],
		[
			'an unknown assignable',
			{ assignable_id: 1, starts_at: '2026-01-05', ends_at: '2026-01-09' },
			['invalid assignable_id'],
		],
		[
			'hours_per_day without hours',
			{
				assignable_id: 183760,
				starts_at: '2026-01-05',
				ends_at: '2026-01-09',
				allocation_mode: 'hours_per_day',
			},
			["hours per day can't be blank"],
		],
	])('answers %s with 403 bad data and string reasons', async (_, body, errors) => {
		const res = await send('POST', `/users/${fx().userId}/assignments`, body);
		expect(res.status).toBe(403);
		expect(res.body).toEqual({ message: 'bad data', errors });
	});

	it('updates flat parameters with PUT and switches the allocation companion field', async () => {
		const a = [...sandbox().state.rm.assignments.values()].find(
			(x) => x.allocation_mode === 'percent',
		);
		const res = await send('PUT', `/assignments/${a.id}`, {
			allocation_mode: 'hours_per_day',
			hours_per_day: 6,
			description: 'Changed',
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			id: a.id,
			allocation_mode: 'hours_per_day',
			hours_per_day: 6,
			description: 'Changed',
		});
		expect(res.body).not.toHaveProperty('percent');
		expect((await get(`/assignments/${a.id}`)).body.hours_per_day).toBe(6);
	});

	it('hard-deletes with 200 and an empty body; the assignment is gone', async () => {
		const { assignments, users } = sandbox().state.rm;
		const a = [...assignments.values()].filter((x) => users.has(x.user_id))[3];
		const res = await call(`${base()}/users/${a.user_id}/assignments/${a.id}`, {
			method: 'DELETE',
			headers: auth.rm,
		});
		expect(res.status).toBe(200);
		expect(res.text).toBe('');
		expect(res.headers.get('content-length')).toBe('0');
		expect((await get(`/assignments/${a.id}`)).status).toBe(404);
	});

	it('serves only the documented routes: no unscoped DELETE, no placeholder under /users', async () => {
		const { assignments, placeholders } = sandbox().state.rm;
		const ofPlaceholder = [...assignments.values()].find((a) => placeholders.has(a.user_id));
		const byProject = [...assignments.values()].find((a) => !placeholders.has(a.user_id));
		const p = ofPlaceholder.user_id;
		const del = (path) => call(`${base()}${path}`, { method: 'DELETE', headers: auth.rm });
		// Undocumented: answered 404 and nothing changes.
		expect((await del(`/assignments/${byProject.id}`)).status).toBe(404);
		expect((await get(`/users/${p}/assignments`)).status).toBe(404);
		expect((await get(`/users/${p}/assignments/${ofPlaceholder.id}`)).status).toBe(404);
		expect((await del(`/users/${p}/assignments/${ofPlaceholder.id}`)).status).toBe(404);
		const body = { assignable_id: fx().projectId, starts_at: '2026-01-05', ends_at: '2026-01-09' };
		expect((await send('POST', `/users/${p}/assignments`, body)).status).toBe(404);
		expect(assignments.has(byProject.id)).toBe(true);
		// Documented: placeholder routes, the project route, and a placeholder ID as user_id.
		const created = await send('POST', `/placeholder_resources/${p}/assignments`, body);
		expect(created.status).toBe(200);
		expect(created.body.user_id).toBe(p);
		const asUserId = await send('POST', '/assignments', { ...body, user_id: p, subtasks: [] });
		expect(asUserId.body.data[0].user_id).toBe(p);
		expect((await del(`/placeholder_resources/${p}/assignments/${created.body.id}`)).status).toBe(
			200,
		);
		const project = byProject.assignable_id;
		expect((await del(`/projects/${project}/assignments/${byProject.id}`)).status).toBe(200);
		expect(assignments.has(byProject.id)).toBe(false);
	});

	it('answers malformed JSON with 400 and the documented message', async () => {
		const res = await call(`${base()}/assignments`, {
			method: 'POST',
			headers: { ...auth.rm, 'content-type': 'application/json' },
			body: '{oops',
		});
		expect(res).toMatchObject({
			status: 400,
			body: { message: 'The request body had invalid json' },
		});
	});
});

describe('rate limit', () => {
	it('answers 429 with remaining 0 and a reset time once the window is spent', async () => {
		const small = await createSandbox({
			size: 20,
			rateLimit: { rm: { limit: 2, windowSeconds: 60 } },
		});
		try {
			const url = `${small.vendors.rm.baseUrl}/assignments`;
			expect((await call(url, { headers: auth.rm })).status).toBe(200);
			expect((await call(url, { headers: auth.rm })).status).toBe(200);
			const refused = await call(url, { headers: auth.rm });
			expect(refused.status).toBe(429);
			expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
			expect(refused.headers.get('retry-after')).toBeNull();
		} finally {
			await small.close();
		}
	});
});

'use strict';
// The Paymo imitation: Basic auth with the API key, the required `where`, 0-based page/page_size
// without metadata, the {"userstasks":[…]} envelope, includes, 201 + Location, and the
// X-Ratelimit-* headers with 429 + Retry-After.

const { useSandbox, call, jsonInit, auth, basic, constants } = require('./helpers');
const { createSandbox } = require('../server');

// A generous limit here; the real default (5 per 5 s) has its own test below.
const sandbox = useSandbox({
	size: { paymo: 1000 },
	rateLimit: { paymo: { limit: 10_000, windowSeconds: 5 } },
});
const base = () => sandbox().vendors.paymo.baseUrl;
const get = (path, headers = auth.paymo) => call(`${base()}${path}`, { headers });
const send = (method, path, body) => call(`${base()}${path}`, jsonInit(method, body, auth.paymo));
const fx = () => sandbox().state.paymo.fixtures;
const where = (text) => `where=${encodeURIComponent(text)}`;

describe('authentication', () => {
	it('takes the API key as Basic user name with any password', async () => {
		expect(
			(await get('/me', { authorization: basic(constants.paymo.apiKey, 'anything') })).status,
		).toBe(200);
		expect((await get('/me', { authorization: basic(constants.paymo.apiKey, '') })).status).toBe(
			200,
		);
		expect((await get('/me')).body.users[0].id).toBe(fx().meUserId);
	});

	it('answers 401 with a message for a missing or wrong key', async () => {
		expect(await get('/me', {})).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
		expect((await get('/me', { authorization: basic('nope') })).status).toBe(401);
	});
});

describe('listing', () => {
	it('requires a where condition on user_id or task_id', async () => {
		for (const query of ['', `?${where('created_on>1')}`]) {
			const res = await get(`/userstasks${query}`);
			expect(res.status).toBe(400);
			expect(res.body.message).toMatch(/user_id or task_id/);
		}
		expect(await get(`/userstasks?${where('colour=red')}`)).toMatchObject({
			status: 400,
			body: { message: 'Unknown field or reference: colour' },
		});
	});

	it('wraps results in {"userstasks":[…]} and filters with where', async () => {
		const res = await get(
			`/userstasks?${where(`task_id=${[...sandbox().state.paymo.userstasks.values()][500].task_id}`)}`,
		);
		expect(Object.keys(res.body)).toEqual(['userstasks']);
		expect(res.body.userstasks.length).toBeGreaterThan(0);
		expect(Object.keys(res.body.userstasks[0]).sort()).toEqual([
			'created_on',
			'id',
			'task_id',
			'updated_on',
			'user_id',
		]);
	});

	it('combines conditions with "and", supports in (...) and Unix-time comparisons', async () => {
		const records = [...sandbox().state.paymo.userstasks.values()].filter(
			(r) => r.user_id === fx().meUserId,
		);
		const pick = records.slice(0, 3).map((r) => r.task_id);
		const res = await get(
			`/userstasks?${where(`user_id=${fx().meUserId} and task_id in (${pick.join(',')})`)}`,
		);
		expect(res.body.userstasks.map((r) => r.task_id)).toEqual(pick);
		const since = Math.floor(Date.parse(records[100].created_on) / 1000);
		const later = await get(
			`/userstasks?${where(`user_id=${fx().meUserId} and created_on>=${since}`)}`,
		);
		expect(later.body.userstasks).toHaveLength(records.length - 100);
	});

	it('pages with 0-based page + page_size and no metadata; a short page is the last', async () => {
		const total = [...sandbox().state.paymo.userstasks.values()].filter(
			(r) => r.user_id === fx().meUserId,
		).length;
		const seen = [];
		let page = 0;
		for (; page < 20; page++) {
			const res = await get(
				`/userstasks?${where(`user_id=${fx().meUserId}`)}&page=${page}&page_size=100`,
			);
			expect(Object.keys(res.body)).toEqual(['userstasks']);
			seen.push(...res.body.userstasks.map((r) => r.id));
			if (res.body.userstasks.length < 100) break;
		}
		expect(total).toBe(300);
		// 300 is a multiple of 100: only an empty fourth page shows the end.
		expect(page).toBe(3);
		expect(new Set(seen).size).toBe(total);
	});

	it('ignores page without page_size (both are required for pagination)', async () => {
		const res = await get(`/userstasks?${where(`user_id=${fx().meUserId}`)}&page=1`);
		expect(res.body.userstasks).toHaveLength(300);
	});

	it('nests included parents, whole or partial', async () => {
		const res = await get(
			`/userstasks?${where(`user_id=${fx().meUserId}`)}&page=0&page_size=2&include=user,task.name`,
		);
		expect(res.body.userstasks[0].user).toMatchObject({ id: fx().meUserId, name: 'Sandbox Admin' });
		expect(Object.keys(res.body.userstasks[0].task).sort()).toEqual(['id', 'name']);
		expect(
			(await get(`/userstasks?${where(`user_id=${fx().meUserId}`)}&include=project`)).status,
		).toBe(400);
	});
});

describe('single assignments', () => {
	it('gets one as an array of one, 404 for unknown IDs', async () => {
		const first = [...sandbox().state.paymo.userstasks.values()][0];
		expect((await get(`/userstasks/${first.id}`)).body).toEqual({ userstasks: [first] });
		expect(await get('/userstasks/1')).toMatchObject({
			status: 404,
			body: { message: 'Not found' },
		});
	});

	it('creates with 201, a Location header and the wrapped record', async () => {
		const res = await send('POST', '/userstasks', { user_id: fx().userId, task_id: fx().taskId });
		expect(res.status).toBe(201);
		expect(res.body.userstasks[0]).toMatchObject({ user_id: fx().userId, task_id: fx().taskId });
		expect(res.headers.get('location')).toBe(`${base()}/userstasks/${res.body.userstasks[0].id}`);
		expect(
			(await get(`/userstasks?${where(`task_id=${fx().taskId}`)}`)).body.userstasks,
		).toHaveLength(1);
	});

	it.each([
		['a missing task_id', { user_id: 241184 }, 'Missing required field: task_id'],
		['an unknown user', { user_id: 1, task_id: 48591 }, 'Invalid value for user_id: 1'],
	])('refuses %s with 400 and a message', async (_, body, message) => {
		expect(await send('POST', '/userstasks', body)).toMatchObject({
			status: 400,
			body: { message },
		});
	});

	it('refuses assigning the same user to the same task twice', async () => {
		await send('POST', '/userstasks', { user_id: fx().userId, task_id: fx().taskId });
		expect(
			(await send('POST', '/userstasks', { user_id: fx().userId, task_id: fx().taskId })).status,
		).toBe(400);
	});

	it('updates with PUT or POST, not PATCH', async () => {
		const created = (
			await send('POST', '/userstasks', { user_id: fx().userId, task_id: fx().taskId })
		).body.userstasks[0];
		const put = await send('PUT', `/userstasks/${created.id}`, { user_id: fx().meUserId });
		expect(put.status).toBe(200);
		expect(put.body.userstasks[0]).toMatchObject({
			id: created.id,
			user_id: fx().meUserId,
			task_id: fx().taskId,
		});
		const post = await send('POST', `/userstasks/${created.id}`, { user_id: fx().userId });
		expect(post.body.userstasks[0].user_id).toBe(fx().userId);
		expect(
			(await send('PATCH', `/userstasks/${created.id}`, { user_id: fx().meUserId })).status,
		).toBe(405);
	});

	it('deletes with 200; the assignment is gone', async () => {
		const first = [...sandbox().state.paymo.userstasks.values()][0];
		const res = await call(`${base()}/userstasks/${first.id}`, {
			method: 'DELETE',
			headers: auth.paymo,
		});
		expect(res.status).toBe(200);
		expect((await get(`/userstasks/${first.id}`)).status).toBe(404);
	});
});

describe('rate limit (default 5 per 5 s)', () => {
	it('counts down X-Ratelimit-Remaining, then answers 429 with Retry-After until the period ends', async () => {
		const strict = await createSandbox({
			size: 20,
			rateLimit: { paymo: { limit: 5, windowSeconds: 1 } },
		});
		try {
			const url = `${strict.vendors.paymo.baseUrl}/me`;
			const remaining = [];
			for (let i = 0; i < 5; i++) {
				const res = await call(url, { headers: auth.paymo });
				expect(res.status).toBe(200);
				expect(res.headers.get('x-ratelimit-limit')).toBe('5');
				expect(res.headers.get('x-ratelimit-decay-period')).toBe('1');
				remaining.push(Number(res.headers.get('x-ratelimit-remaining')));
			}
			expect(remaining).toEqual([4, 3, 2, 1, 0]);
			const refused = await call(url, { headers: auth.paymo });
			expect(refused.status).toBe(429);
			expect(refused.headers.get('retry-after')).toBe('1');
			expect(refused.body).toEqual({ message: 'Too Many Requests' });
			expect((await call(url, { headers: auth.paymo })).status).toBe(429);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			expect((await call(url, { headers: auth.paymo })).status).toBe(200);
		} finally {
			await strict.close();
		}
	});

	it('defaults to 5 requests per 5 seconds', async () => {
		const fresh = await createSandbox({ size: 20 });
		try {
			const res = await call(`${fresh.vendors.paymo.baseUrl}/me`, { headers: auth.paymo });
			expect(res.headers.get('x-ratelimit-limit')).toBe('5');
			expect(res.headers.get('x-ratelimit-decay-period')).toBe('5');
		} finally {
			await fresh.close();
		}
	});
});

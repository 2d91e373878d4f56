'use strict';
// The Xurrent imitation: Bearer + account header, Link-header cursor pagination with absolute
// URLs, 201 create, PATCH, 204 delete and delete-all, 422 tuples, rate-limit headers and the
// OAuth client-credentials token endpoint.

const { useSandbox, call, jsonInit, auth, basic, constants } = require('./helpers');

const sandbox = useSandbox({ size: { xurrent: 1000 } });
const base = () => sandbox().vendors.xurrent.baseUrl;
const get = (path, headers = auth.xurrent) => call(`${base()}${path}`, { headers });
const send = (method, path, body, headers = auth.xurrent) =>
	call(`${base()}${path}`, jsonInit(method, body, headers));
const fx = () => sandbox().state.xurrent.fixtures;

/** The rel="next" target of a Link header. */
const nextLink = (header) => /<([^>]+)>;\s*rel="next"/.exec(header ?? '')?.[1];

describe('authentication', () => {
	it('answers GET /v1 without credentials with {}', async () => {
		const res = await get('', {});
		expect(res).toMatchObject({ status: 200, body: {} });
	});

	it('answers 401 {"message":"Unauthorized"} without a valid token', async () => {
		expect(await get('/me', { 'x-xurrent-account': 'sandbox' })).toMatchObject({
			status: 401,
			body: { message: 'Unauthorized' },
		});
		expect(
			(await get('/me', { authorization: 'Bearer nope', 'x-xurrent-account': 'sandbox' })).status,
		).toBe(401);
	});

	it('answers 403 when the account header is missing or names another account', async () => {
		expect(await get('/me', { authorization: auth.xurrent.authorization })).toMatchObject({
			status: 403,
			body: { message: 'Forbidden' },
		});
		expect((await get('/me', { ...auth.xurrent, 'x-xurrent-account': 'other' })).status).toBe(403);
	});

	it('accepts the 4me-era X-4me-Account header', async () => {
		const res = await get('/me', {
			authorization: auth.xurrent.authorization,
			'x-4me-account': 'sandbox',
		});
		expect(res.status).toBe(200);
		expect(res.body.name).toBe('Sandbox Admin');
	});
});

describe('listing assignments', () => {
	it('answers a bare JSON array with the documented fields', async () => {
		const res = await get(`/project_tasks/${fx().bigTaskId}/assignments`);
		expect(Array.isArray(res.body)).toBe(true);
		expect(res.body).toHaveLength(20);
		expect(Object.keys(res.body[0]).sort()).toEqual([
			'account',
			'assignee',
			'attachment',
			'created_at',
			'id',
			'planned_effort',
			'status',
			'updated_at',
			'waiting_until',
		]);
		expect(res.body[0].created_at).toMatch(/-06:00$/);
	});

	it('follows absolute rel="next" links at 100 per page until there is none', async () => {
		const total = sandbox().state.xurrent.tasks.get(fx().bigTaskId).assignmentIds.length;
		let url = `${base()}/project_tasks/${fx().bigTaskId}/assignments?per_page=100`;
		const seen = [];
		let requests = 0;
		let last;
		while (url && requests < 20) {
			last = await call(url, { headers: auth.xurrent });
			requests += 1;
			seen.push(...last.body.map((a) => a.id));
			url = nextLink(last.headers.get('link'));
			if (url)
				expect(
					url.startsWith(
						`${sandbox().url}/xurrent/v1/project_tasks/${fx().bigTaskId}/assignments?`,
					),
				).toBe(true);
		}
		expect(total).toBe(300);
		expect(requests).toBe(3);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(new Set(seen).size).toBe(total);
		expect(last.headers.get('link')).toMatch(/rel="first".*rel="prev"/);
		expect(last.headers.get('x-pagination-total-entries')).toBe(String(total));
		expect(last.headers.get('x-pagination-current-page')).toBe('3');
	});

	it('leads back with rel="prev" to the previous page', async () => {
		const first = await get(`/project_tasks/${fx().bigTaskId}/assignments?per_page=10`);
		const second = await call(nextLink(first.headers.get('link')), { headers: auth.xurrent });
		const prev = /<([^>]+)>;\s*rel="prev"/.exec(second.headers.get('link'))[1];
		const back = await call(prev, { headers: auth.xurrent });
		expect(back.body.map((a) => a.id)).toEqual(first.body.map((a) => a.id));
	});

	it('caps per_page at 100 and rejects per_page below 1 with the documented message', async () => {
		expect(
			(await get(`/project_tasks/${fx().bigTaskId}/assignments?per_page=500`)).body,
		).toHaveLength(100);
		const bad = await get(`/project_tasks/${fx().bigTaskId}/assignments?per_page=-10`);
		expect(bad).toMatchObject({
			status: 400,
			body: { message: "Parameter 'per_page' cannot be less than 1" },
		});
	});

	it('selects fields with ?fields=, id implicit', async () => {
		const res = await get(`/project_tasks/${fx().bigTaskId}/assignments?fields=status&per_page=2`);
		expect(Object.keys(res.body[0]).sort()).toEqual(['id', 'status']);
		expect(nextLink(res.headers.get('link'))).toContain('fields=status');
	});

	it('answers an empty task with [] and no Link header, an unknown task with 404', async () => {
		const empty = await get(`/project_tasks/${fx().emptyTaskId}/assignments`);
		expect(empty.body).toEqual([]);
		expect(empty.headers.get('link')).toBeNull();
		expect(await get('/project_tasks/9/assignments')).toMatchObject({
			status: 404,
			body: { message: 'Not Found' },
		});
	});

	it('sends x-ratelimit-limit/remaining/reset on every answer', async () => {
		const res = await get('/me');
		expect(res.headers.get('x-ratelimit-limit')).toBe('3600');
		expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeLessThan(3600);
		expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
	});
});

describe('changing assignments', () => {
	const path = () => `/project_tasks/${fx().emptyTaskId}/assignments`;

	it('creates with 201 from assignee_id, and the list shows it', async () => {
		const res = await send('POST', path(), { assignee_id: fx().personId, planned_effort: 180 });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			assignee: { id: fx().personId, name: 'Beatrice Baldwin' },
			planned_effort: 180,
			status: 'assigned',
			attachment: null,
		});
		expect((await get(path())).body.map((a) => a.id)).toEqual([res.body.id]);
	});

	it.each([
		['no assignee', { planned_effort: 10 }, [['assignee', "Assignee can't be blank"]]],
		['an unknown assignee', { assignee_id: 999999 }, [['assignee', 'Assignee is invalid']]],
		[
			'too much effort',
			{ assignee_id: 41, planned_effort: 600001 },
			[['planned_effort', 'Planned effort must be less than or equal to 600000']],
		],
	])('answers %s with 422 and [field, message] tuples', async (_, body, errors) => {
		const res = await send('POST', path(), body);
		expect(res.status).toBe(422);
		expect(res.body).toEqual({ message: 'Validation Failed', errors });
	});

	it('refuses the same assignee twice on one task', async () => {
		await send('POST', path(), { assignee_id: fx().personId });
		const res = await send('POST', path(), { assignee_id: fx().personId });
		expect(res.body.errors).toEqual([['assignee', 'Assignee has already been taken']]);
	});

	it('updates with PATCH (status is read-only and ignored), reads one back', async () => {
		const created = await send('POST', path(), { assignee_id: fx().personId });
		const res = await send('PATCH', `${path()}/${created.body.id}`, {
			planned_effort: '4:30',
			status: 'completed',
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ planned_effort: 270, status: 'assigned' });
		expect((await get(`${path()}/${created.body.id}`)).body.planned_effort).toBe(270);
	});

	it('deletes one with 204, and all of a task with DELETE …/assignments/', async () => {
		const created = await send('POST', path(), { assignee_id: fx().personId });
		await send('POST', path(), { assignee_id: fx().meId });
		const one = await call(`${base()}${path()}/${created.body.id}`, {
			method: 'DELETE',
			headers: auth.xurrent,
		});
		expect(one.status).toBe(204);
		expect((await get(path())).body).toHaveLength(1);
		const all = await call(`${base()}/project_tasks/${fx().bigTaskId}/assignments/`, {
			method: 'DELETE',
			headers: auth.xurrent,
		});
		expect(all.status).toBe(204);
		expect(all.text).toBe('');
		expect((await get(`/project_tasks/${fx().bigTaskId}/assignments`)).body).toEqual([]);
	});

	it('answers malformed JSON with 400 "Invalid JSON string posted"', async () => {
		const res = await call(`${base()}${path()}`, {
			method: 'POST',
			headers: { ...auth.xurrent, 'content-type': 'application/json' },
			body: '{',
		});
		expect(res).toMatchObject({ status: 400, body: { message: 'Invalid JSON string posted' } });
	});
});

describe('OAuth client credentials', () => {
	const tokenUrl = () => sandbox().vendors.xurrent.tokenUrl;
	const form = (fields, headers = {}) =>
		call(tokenUrl(), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
			body: new URLSearchParams(fields).toString(),
		});

	it('issues a bearer token that the API accepts', async () => {
		const res = await form({
			grant_type: 'client_credentials',
			client_id: constants.xurrent.clientId,
			client_secret: constants.xurrent.clientSecret,
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		const me = await get('/me', {
			authorization: `Bearer ${res.body.access_token}`,
			'x-xurrent-account': 'sandbox',
		});
		expect(me.status).toBe(200);
	});

	it('accepts the client in a Basic header and refuses wrong clients and grants', async () => {
		const header = {
			authorization: basic(constants.xurrent.clientId, constants.xurrent.clientSecret),
		};
		expect((await form({ grant_type: 'client_credentials' }, header)).status).toBe(200);
		expect(
			await form({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' }),
		).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
		expect(
			(await form({ grant_type: 'client_credentials' }, { authorization: basic('x', 'y') })).status,
		).toBe(401);
		expect(await form({ grant_type: 'password' })).toMatchObject({
			status: 400,
			body: { error: 'unsupported_grant_type' },
		});
	});
});

describe('rate limiting', () => {
	it('answers an injected 429 with retry-after, the documented body and x-ratelimit-remaining 0', async () => {
		sandbox().injectFaults([{ type: '429', vendor: 'xurrent', retryAfterSeconds: 30 }]);
		const res = await get('/me');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('30');
		expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(res.body).toEqual({
			message: 'Too Many Requests',
			documentation_url: 'https://developer.xurrent.com/v1/#rate-limiting',
		});
		expect((await get('/me')).status).toBe(200);
	});
});

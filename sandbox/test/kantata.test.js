'use strict';
// The Kantata OX imitation: Bearer auth, `.json` paths, results + keyed maps, meta pagination,
// default filters, includes, create/update/soft delete and the errors[] shapes.

const { useSandbox, call, jsonInit, auth } = require('./helpers');

const sandbox = useSandbox({ size: { kantata: 650 } });
const base = () => sandbox().vendors.kantata.baseUrl;
const get = (path, headers = auth.kantata) => call(`${base()}${path}`, { headers });
const send = (method, path, body) => call(`${base()}${path}`, jsonInit(method, body, auth.kantata));
const ids = (body) => body.results.map((r) => r.id);
const fx = () => sandbox().state.kantata.fixtures;

describe('authentication', () => {
	it.each([
		['no token', {}],
		['a wrong token', { authorization: 'Bearer nope' }],
		['another scheme', { authorization: 'Basic c2FuZGJveC1rYW50YXRhLXRva2Vu' }],
	])('answers 401 with the oauth error to %s', async (_, headers) => {
		const res = await get('/assignments.json', headers);
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ errors: [{ type: 'oauth', message: 'Invalid OAuth 2 Request' }] });
		expect(sandbox().requests.at(-1).auth.valid).toBe(false);
	});

	it('answers the credential test GET /users/me.json with the token user', async () => {
		const res = await get('/users/me.json');
		expect(res.status).toBe(200);
		expect(res.body.results).toEqual([{ key: 'users', id: fx().meUserId }]);
		expect(res.body.users[fx().meUserId].full_name).toBe('Sandbox Admin');
	});
});

describe('list envelope and pagination', () => {
	it('returns count, meta, ordered results and records keyed by string ID', async () => {
		const res = await get('/assignments.json?per_page=5');
		expect(res.status).toBe(200);
		const { count, meta, results, assignments } = res.body;
		expect(meta).toEqual({ count, page_count: Math.ceil(count / 5), page_number: 1, page_size: 5 });
		expect(results).toHaveLength(5);
		for (const ref of results) {
			expect(ref.key).toBe('assignments');
			expect(assignments[ref.id].id).toBe(ref.id);
			expect(typeof assignments[ref.id].story_id).toBe('string');
			expect(typeof assignments[ref.id].resource_id).toBe('number');
		}
		// Default order created_at:desc: newest first.
		const created = results.map((r) => Date.parse(assignments[r.id].created_at));
		expect([...created].sort((a, b) => b - a)).toEqual(created);
	});

	it('walks every page at 200 once; the last page has page_number = page_count', async () => {
		const seen = [];
		let page = 1;
		let meta;
		for (; page <= 10; page++) {
			const res = await get(`/assignments.json?per_page=200&page=${page}&order=created_at:asc`);
			meta = res.body.meta;
			seen.push(...ids(res.body));
			if (meta.page_number >= meta.page_count) break;
		}
		expect(meta.page_count).toBeGreaterThanOrEqual(3);
		expect(page).toBe(meta.page_count);
		expect(seen).toHaveLength(meta.count);
		expect(new Set(seen).size).toBe(seen.length);
		const created = seen.map((id) =>
			Date.parse(sandbox().state.kantata.assignments.get(id).created_at),
		);
		expect([...created].sort((a, b) => a - b)).toEqual(created);
	});

	it('caps per_page at 200', async () => {
		const res = await get('/assignments.json?per_page=500');
		expect(res.body.meta.page_size).toBe(200);
		expect(res.body.results).toHaveLength(200);
	});

	it('honours limit + offset over page + per_page', async () => {
		const all = await get('/assignments.json?per_page=20&order=created_at:asc');
		const res = await get(
			'/assignments.json?limit=3&offset=5&page=9&per_page=50&order=created_at:asc',
		);
		expect(ids(res.body)).toEqual(ids(all.body).slice(5, 8));
	});

	it('answers an empty match with count 0, empty results and no assignments key', async () => {
		const res = await get('/assignments.json?only=1,2,3');
		expect(res.status).toBe(200);
		expect(res.body.count).toBe(0);
		expect(res.body.results).toEqual([]);
		expect(res.body).not.toHaveProperty('assignments');
	});

	it('sorts by updated_at and rejects an unknown order', async () => {
		const res = await get('/assignments.json?per_page=50&order=updated_at:asc');
		const updated = ids(res.body).map((id) => Date.parse(res.body.assignments[id].updated_at));
		expect([...updated].sort((a, b) => a - b)).toEqual(updated);
		const bad = await get('/assignments.json?order=title:asc');
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].type).toBe('syntax');
	});
});

describe('filters', () => {
	it('hides archived projects and tasks and unnamed resources unless asked', async () => {
		const state = sandbox().state.kantata;
		const visible = await get('/assignments.json?per_page=1');
		const everything = await get(
			'/assignments.json?per_page=1&in_unarchived_workspaces=false&in_unarchived_stories=false&include_unnamed=true',
		);
		expect(everything.body.count).toBe(state.assignments.size);
		expect(visible.body.count).toBeLessThan(state.assignments.size);
	});

	it('filters by story, assignee, current/uncurrent, only and dates', async () => {
		const state = sandbox().state.kantata;
		const sample = state.assignments.get(state.order[100]);
		const byStory = await get(
			`/assignments.json?story_id=${sample.story_id}&include_unnamed=true&in_unarchived_workspaces=false&in_unarchived_stories=false`,
		);
		expect(
			Object.values(byStory.body.assignments).every((a) => a.story_id === sample.story_id),
		).toBe(true);
		const current = await get('/assignments.json?current=true&per_page=200');
		expect(Object.values(current.body.assignments).every((a) => a.current)).toBe(true);
		const uncurrent = await get('/assignments.json?uncurrent=true&per_page=200');
		expect(Object.values(uncurrent.body.assignments).every((a) => !a.current)).toBe(true);
		const only = await get(
			`/assignments.json?only=${state.order.slice(0, 3).join(',')}&in_unarchived_workspaces=false&in_unarchived_stories=false&include_unnamed=true`,
		);
		expect(only.body.count).toBe(3);
		const after = await get(
			`/assignments.json?per_page=200&created_after=${encodeURIComponent(sample.created_at)}`,
		);
		expect(
			Object.values(after.body.assignments).every(
				(a) => Date.parse(a.created_at) > Date.parse(sample.created_at),
			),
		).toBe(true);
		const bad = await get('/assignments.json?created_after=yesterday');
		expect(bad.status).toBe(400);
	});
});

describe('includes', () => {
	it('adds users and stories maps for include=assignee,story', async () => {
		const res = await get('/assignments.json?per_page=10&include=assignee,story');
		for (const id of ids(res.body)) {
			const a = res.body.assignments[id];
			expect(res.body.users[a.assignee_id].id).toBe(a.assignee_id);
			expect(res.body.stories[a.story_id].id).toBe(a.story_id);
		}
	});

	it('requires plannable=true for story_allocation_days, then adds the days and their IDs', async () => {
		const refused = await get('/assignments.json?include=story_allocation_days');
		expect(refused.status).toBe(400);
		const res = await get(
			'/assignments.json?per_page=50&plannable=true&include=story_allocation_days',
		);
		expect(res.status).toBe(200);
		const withDays = ids(res.body)
			.map((id) => res.body.assignments[id])
			.filter((a) => a.story_allocation_day_ids.length);
		expect(withDays.length).toBeGreaterThan(0);
		for (const a of withDays) {
			const minutes = a.story_allocation_day_ids.reduce(
				(sum, d) => sum + res.body.story_allocation_days[d].minutes,
				0,
			);
			expect(minutes).toBe(a.allocated_minutes);
		}
	});

	it('rejects an unknown include', async () => {
		expect((await get('/assignments.json?include=workspace')).status).toBe(400);
	});
});

describe('get one', () => {
	it('returns the envelope with one result', async () => {
		const id = sandbox().state.kantata.order[0];
		const res = await get(`/assignments/${id}.json`);
		const state = sandbox().state.kantata;
		const a = state.assignments.get(id);
		const story = state.stories.get(a.story_id);
		const hidden =
			story.archived || state.workspaces.get(story.workspace_id).archived || a.assignee_id === null;
		if (hidden) expect(res.status).toBe(404);
		else expect(res.body.results).toEqual([{ key: 'assignments', id }]);
	});

	it('applies the default filters to show routes: 404 for an archived project unless overridden', async () => {
		const state = sandbox().state.kantata;
		const id = state.order.find((i) => {
			const story = state.stories.get(state.assignments.get(i).story_id);
			return (
				state.workspaces.get(story.workspace_id).archived &&
				!story.archived &&
				state.assignments.get(i).assignee_id
			);
		});
		expect(id).toBeDefined();
		expect((await get(`/assignments/${id}.json`)).status).toBe(404);
		expect((await get(`/assignments/${id}.json?in_unarchived_workspaces=false`)).status).toBe(200);
	});

	it('answers an unknown ID with the system 404', async () => {
		const res = await get('/assignments/999.json');
		expect(res.status).toBe(404);
		expect(res.body).toEqual({ errors: [{ type: 'system', message: 'Not found' }] });
	});

	it('serves JSON without .json when asked for JSON, else redirects to the documentation', async () => {
		const id = fx().storyId;
		expect(
			(await get(`/assignments?story_id=${id}`, { ...auth.kantata, accept: 'application/json' }))
				.status,
		).toBe(200);
		const redirect = await get('/assignments', { ...auth.kantata, accept: 'text/html' });
		expect(redirect.status).toBe(302);
		expect(redirect.headers.get('location')).toMatch(/\/kantata\/api\/v1\/documentation\.html$/);
	});
});

describe('create, update, delete', () => {
	const create = (fields) => send('POST', '/assignments.json', { assignment: fields });

	it('creates from {assignment:{…}} and answers 200 with the envelope; later reads see it', async () => {
		const res = await create({
			story_id: Number(fx().storyId),
			assignee_id: Number(fx().meUserId),
			estimated_minutes: 120,
		});
		expect(res.status).toBe(200);
		const [ref] = res.body.results;
		const record = res.body.assignments[ref.id];
		expect(record).toMatchObject({
			story_id: fx().storyId,
			assignee_id: fx().meUserId,
			resource_id: Number(fx().resourceId),
			current: true,
			estimated_minutes: 120,
		});
		const list = await get(`/assignments.json?story_id=${fx().storyId}`);
		expect(ids(list.body)).toEqual([ref.id]);
	});

	it('accepts Rails-style form bodies', async () => {
		const res = await call(`${base()}/assignments.json`, {
			method: 'POST',
			headers: { ...auth.kantata, 'content-type': 'application/x-www-form-urlencoded' },
			body: `assignment[story_id]=${fx().storyId}&assignment[assignee_id]=${fx().meUserId}&assignment[current]=false`,
		});
		expect(res.status).toBe(200);
		expect(Object.values(res.body.assignments)[0].current).toBe(false);
	});

	it('lets resource_id override assignee_id, and can assign the unnamed resource', async () => {
		const res = await create({
			story_id: fx().storyId,
			assignee_id: fx().meUserId,
			resource_id: fx().unnamedResourceId,
		});
		const record = Object.values(res.body.assignments)[0];
		expect(record.resource_id).toBe(Number(fx().unnamedResourceId));
		expect(record.assignee_id).toBeNull();
	});

	it.each([
		['no assignment key', { story_id: 1 }, 400, 'syntax', undefined],
		['no story', { assignment: { assignee_id: 3700001 } }, 422, 'validation', 'story_id'],
		[
			'no assignee or resource',
			{ assignment: { story_id: 26100001 } },
			422,
			'validation',
			'assignee_id',
		],
		[
			'a negative estimate',
			{ assignment: { story_id: 26100001, assignee_id: 3700001, estimated_minutes: -5 } },
			422,
			'validation',
			'estimated_minutes',
		],
		[
			'an incomplete external reference',
			{
				assignment: {
					story_id: 26100001,
					assignee_id: 3700001,
					external_reference: { service_name: 'n8n' },
				},
			},
			422,
			'validation',
			'external_reference.service_model',
		],
	])('rejects %s with the errors[] shape', async (_, body, status, type, field) => {
		const res = await send('POST', '/assignments.json', body);
		expect(res.status).toBe(status);
		expect(res.body.errors[0].type).toBe(type);
		if (field) expect(res.body.errors.map((e) => e.field)).toContain(field);
		expect(sandbox().state.kantata.assignments.size).toBe(650);
	});

	it('refuses a second current assignment of the same resource to a task', async () => {
		await create({ story_id: fx().storyId, assignee_id: fx().meUserId });
		const res = await create({ story_id: fx().storyId, assignee_id: fx().meUserId });
		expect(res.status).toBe(422);
		expect(res.body.errors[0]).toMatchObject({ type: 'validation', field: 'resource_id' });
	});

	it('updates writable fields, ignores story_id, keeps an external reference, answers 404 for unknown IDs', async () => {
		const created = await create({ story_id: fx().storyId, assignee_id: fx().meUserId });
		const id = created.body.results[0].id;
		const res = await send('PUT', `/assignments/${id}.json?include=external_references`, {
			assignment: {
				estimated_minutes: 60,
				story_id: 26100002,
				external_reference: {
					service_name: 'n8n',
					service_model: 'Task',
					service_model_ref: 'A-1',
				},
			},
		});
		expect(res.status).toBe(200);
		const record = res.body.assignments[id];
		expect(record).toMatchObject({ estimated_minutes: 60, story_id: fx().storyId });
		expect(res.body.external_references[record.external_reference_ids[0]]).toMatchObject({
			service_name: 'n8n',
			service_model_ref: 'A-1',
		});
		expect(
			(await send('PUT', '/assignments/42.json', { assignment: { current: true } })).status,
		).toBe(404);
	});

	it('soft-deletes: 204 with no body, the record stays with current = false', async () => {
		const created = await create({ story_id: fx().storyId, assignee_id: fx().meUserId });
		const id = created.body.results[0].id;
		const res = await call(`${base()}/assignments/${id}.json`, {
			method: 'DELETE',
			headers: auth.kantata,
		});
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		const after = await get(`/assignments/${id}.json`);
		expect(after.body.assignments[id].current).toBe(false);
		expect((await get(`/assignments.json?story_id=${fx().storyId}&current=true`)).body.count).toBe(
			0,
		);
		expect(
			(await call(`${base()}/assignments/42.json`, { method: 'DELETE', headers: auth.kantata }))
				.status,
		).toBe(404);
	});

	it('answers malformed JSON with 400', async () => {
		const res = await call(`${base()}/assignments.json`, {
			method: 'POST',
			headers: { ...auth.kantata, 'content-type': 'application/json' },
			body: '{"assignment":',
		});
		expect(res.status).toBe(400);
		expect(res.body.errors[0].type).toBe('syntax');
	});
});

import type { IDataObject } from 'n8n-workflow';

import { listSearch } from '../harness/loadOptions';
import { api, assignment, credentials, envelope, jsonOf, output, run } from '../KantataOx/fixtures';

/** A Kantata OX list envelope of any record type. */
function page(key: string, records: IDataObject[], meta: IDataObject, extra: IDataObject = {}) {
	const map = Object.fromEntries(records.map((record) => [String(record.id), record]));
	return {
		count: meta.count ?? records.length,
		results: records.map((record) => ({ key, id: String(record.id) })),
		...(records.length ? { [key]: map } : {}),
		meta: { page_number: 1, page_count: 1, ...meta },
		...extra,
	};
}

const user = (id: number, name: string) => ({
	id: String(id),
	full_name: name,
	email_address: `${name.toLowerCase().replace(' ', '.')}@example.com`,
});

const search = (method: string, filter?: string, paginationToken?: string) =>
	listSearch({ node: 'kantataOx', method, credentials, filter, paginationToken });

const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('Kantata OX › pickers (listSearch)', () => {
	it('users: sends the search text to the API and shows name and email', async () => {
		api()
			.get('/api/v1/users.json')
			.query({ search: 'ann', page: '1', per_page: '50' })
			.reply(200, page('users', [user(11, 'Ann Lee'), user(12, 'Joann Park')], { page_count: 2 }));
		const result = await search('searchUsers', 'ann');
		expect(result).toEqual({
			results: [
				{ name: 'Ann Lee (ann.lee@example.com)', value: '11' },
				{ name: 'Joann Park (joann.park@example.com)', value: '12' },
			],
			paginationToken: '2',
		});
	});

	it('users: the token reads the next page; the last page has no token', async () => {
		api()
			.get('/api/v1/users.json')
			.query({ search: 'ann', page: '2', per_page: '50' })
			.reply(200, page('users', [user(13, 'Ann Other')], { page_number: 2, page_count: 2 }));
		const result = await search('searchUsers', 'ann', '2');
		expect(result).toEqual({
			results: [{ name: 'Ann Other (ann.other@example.com)', value: '13' }],
		});
	});

	it('users: no search text, no search parameter; an empty answer is an empty list', async () => {
		api()
			.get('/api/v1/users.json')
			.query({ page: '1', per_page: '50' })
			.reply(200, { count: 0, results: [] });
		expect(await search('searchUsers')).toEqual({ results: [] });
	});

	it('users: a vendor error becomes a clear message', async () => {
		api()
			.get('/api/v1/users.json')
			.query(true)
			.reply(401, { errors: [{ type: 'oauth', message: 'Invalid OAuth 2 Request' }] });
		await expect(search('searchUsers', 'x')).rejects.toMatchObject({
			message: 'Invalid OAuth 2 Request',
			description: expect.stringContaining('access token'),
		});
	});

	it('users: the OAuth2 credential authenticates the picker too', async () => {
		nock('https://api.mavenlink.com', {
			reqheaders: { authorization: 'Bearer dummy-oauth-picker-token-1' },
		})
			.get('/api/v1/users.json')
			.query(true)
			.reply(200, page('users', [user(11, 'Ann Lee')], {}));
		const result = await listSearch({
			node: 'kantataOx',
			method: 'searchUsers',
			parameters: { authentication: 'oAuth2' },
			credentials: {
				kantataOxOAuth2Api: {
					clientId: 'client-id',
					clientSecret: 'client-secret-picker',
					oauthTokenData: { access_token: 'dummy-oauth-picker-token-1', token_type: 'bearer' },
				},
			},
		});
		expect(result.results).toHaveLength(1);
	});

	it('workspaces: searched by the API, shown by title', async () => {
		api()
			.get('/api/v1/workspaces.json')
			.query({ search: 'demo', page: '1', per_page: '50' })
			.reply(200, page('workspaces', [{ id: '2100001', title: 'Demo Project' }], {}));
		expect(await search('searchWorkspaces', 'demo')).toEqual({
			results: [{ name: 'Demo Project', value: '2100001' }],
		});
	});

	it('stories: searched by the API, shown with their project', async () => {
		api()
			.get('/api/v1/stories.json')
			.query({ search: 'wire', include: 'workspace', page: '3', per_page: '50' })
			.reply(
				200,
				page(
					'stories',
					[{ id: '26100002', title: 'Wireframes', workspace_id: '2100001' }],
					{ page_number: 3, page_count: 4 },
					{ workspaces: { 2100001: { id: '2100001', title: 'Demo Project' } } },
				),
			);
		expect(await search('searchStories', 'wire', '3')).toEqual({
			results: [{ name: 'Wireframes (Demo Project)', value: '26100002' }],
			paginationToken: '4',
		});
	});

	describe('resources (no search parameter: filtered by the node, at most 5 pages)', () => {
		const resources = (from: number, userId: string | null) =>
			Array.from({ length: 3 }, (_, index) => ({
				id: String(from + index),
				workspace_id: '2100001',
				user_id: index === 0 ? userId : null,
				role: 'Designer',
			}));
		const included = {
			users: { 3700001: user(3700001, 'Sandbox Admin') },
			workspaces: { 2100001: { id: '2100001', title: 'Demo Project' } },
		};

		it('keeps the matching entries of each page and resumes after the last page read', async () => {
			api()
				.get('/api/v1/workspace_resources.json')
				.query({ include: 'user,workspace', page: '1', per_page: '200' })
				.reply(
					200,
					page('workspace_resources', resources(5001, '3700001'), { page_count: 9 }, included),
				)
				.get('/api/v1/workspace_resources.json')
				.query({ include: 'user,workspace', page: '2', per_page: '200' })
				.reply(
					200,
					page(
						'workspace_resources',
						resources(5004, null),
						{ page_number: 2, page_count: 9 },
						included,
					),
				);
			for (let next = 3; next <= 5; next++) {
				api()
					.get('/api/v1/workspace_resources.json')
					.query({ include: 'user,workspace', page: String(next), per_page: '200' })
					.reply(200, page('workspace_resources', [], { page_number: next, page_count: 9 }));
			}
			expect(await search('searchResources', 'admin')).toEqual({
				results: [{ name: 'Sandbox Admin (Demo Project)', value: '5001' }],
				paginationToken: '6',
			});
		});

		it('without search text lists people and unnamed roles with their project', async () => {
			api()
				.get('/api/v1/workspace_resources.json')
				.query({ include: 'user,workspace', page: '1', per_page: '200' })
				.reply(
					200,
					page('workspace_resources', resources(5001, '3700001').slice(0, 2), {}, included),
				);
			expect(await search('searchResources')).toEqual({
				results: [
					{ name: 'Sandbox Admin (Demo Project)', value: '5001' },
					{ name: 'Unnamed: Designer (Demo Project)', value: '5002' },
				],
			});
		});
	});
});

describe('Kantata OX › reference modes at run time', () => {
	const created = assignment(2001);
	const createBody = (storyId: number) => ({
		assignment: { story_id: storyId, assignee_id: 3711195 },
	});

	it('From List / By ID values are locator objects; the ID goes to the API', async () => {
		api()
			.post('/api/v1/assignments.json', createBody(26133885))
			.reply(200, envelope([created]));
		const result = await run({
			operation: 'create',
			storyId: locator('list', '26133885'),
			assigneeId: locator('id', '3711195'),
		});
		expect(jsonOf(result.items)).toEqual([output(created)]);
	});

	it('a plain string ID (an expression on the whole parameter) keeps working', async () => {
		api()
			.post('/api/v1/assignments.json', createBody(26133885))
			.reply(200, envelope([created]));
		const result = await run(
			{ operation: 'create', storyId: '={{ $json.story }}', assigneeId: '={{ $json.user }}' },
			{ items: [{ story: 26133885, user: '3711195' }] },
		);
		expect(jsonOf(result.items)).toEqual([output(created)]);
	});

	it.each([
		['https://app.mavenlink.com/workspaces/2100001#tracker/26133885', 26133885],
		['https://app.mavenlink.com/workspaces/2100001/#tracker/26133886', 26133886],
		['https://acme.mavenlink.com/stories/26133887', 26133887],
	])('By URL reads the story ID out of %s', async (url, storyId) => {
		api()
			.post('/api/v1/assignments.json', createBody(storyId))
			.reply(200, envelope([created]));
		const result = await run({
			operation: 'create',
			storyId: locator('url', url),
			assigneeId: locator('id', '3711195'),
		});
		expect(result.error).toBeUndefined();
	});

	const wrongUrls = [
		'https://app.mavenlink.com/workspaces/2100001',
		'app.mavenlink.com/stories/26133885',
		'https://app.mavenlink.com/stories/',
		'https://app.mavenlink.com/stories/abc',
	];

	it.each(wrongUrls)(
		'By URL refuses %s typed in the editor: n8n names the parameter, no request',
		async (url) => {
			const result = await run({
				operation: 'create',
				storyId: locator('url', url),
				assigneeId: locator('id', '3711195'),
			});
			expect(result.error?.message).toContain(
				'Story ID: paste the address the web app shows, e.g. https://app.mavenlink.com/workspaces/2100001#tracker/26133885',
			);
		},
	);

	it.each(wrongUrls)(
		'By URL refuses %s from an expression with a clear message, no request',
		async (url) => {
			const result = await run(
				{
					operation: 'create',
					storyId: locator('url', '={{ $json.url }}'),
					assigneeId: locator('id', '3711195'),
				},
				{ items: [{ url }] },
			);
			expect(result.error?.message).toBe(
				`Story ID (By URL) is not an address this node can read the ID from, got "${url}" [item 0]`,
			);
		},
	);

	it('By URL reads a workspace filter', async () => {
		api()
			.get('/api/v1/assignments.json')
			.query((query) => query.workspace_id === '2100001')
			.reply(200, envelope([]));
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { workspaceId: locator('url', 'https://app.mavenlink.com/workspaces/2100001') },
		});
		expect(result.error).toBeUndefined();
	});

	describe('By Email', () => {
		const lookup = (email: string, users: IDataObject[]) =>
			api()
				.get('/api/v1/users.json')
				.query({ by_email_address: email })
				.reply(200, page('users', users, {}));

		it('one match: one lookup, then the assignment with that user', async () => {
			lookup('ann.lee@example.com', [user(3711195, 'Ann Lee')]);
			api()
				.post('/api/v1/assignments.json', createBody(26133885))
				.reply(200, envelope([created]));
			const result = await run({
				operation: 'create',
				storyId: locator('id', '26133885'),
				assigneeId: locator('email', ' ann.lee@example.com '),
			});
			expect(jsonOf(result.items)).toEqual([output(created)]);
		});

		it('no match: a clear error, no assignment request', async () => {
			lookup('nobody@example.com', []);
			const result = await run({
				operation: 'create',
				storyId: locator('id', '26133885'),
				assigneeId: locator('email', 'nobody@example.com'),
			});
			expect(result.error?.message).toBe(
				'Assignee ID: nobody has the email "nobody@example.com" [item 0]',
			);
		});

		it('several matches: a clear error naming them, no assignment request', async () => {
			lookup('team@example.com', [user(1, 'Ann Lee'), user(2, 'Bo Li')]);
			const result = await run({
				operation: 'update',
				assignmentId: '2001',
				updateFields: { assigneeId: locator('email', 'team@example.com') },
			});
			expect(result.error?.message).toBe(
				'Assignee ID: 2 people have the email "team@example.com" [item 0]',
			);
			expect(result.error?.description).toContain('Ann Lee (1), Bo Li (2)');
		});

		it('filters Get Many by the user found', async () => {
			lookup('ann.lee@example.com', [user(3711195, 'Ann Lee')]);
			api()
				.get('/api/v1/assignments.json')
				.query((query) => query.assignee_id === '3711195')
				.reply(200, envelope([]));
			const result = await run({
				operation: 'getAll',
				returnAll: true,
				filters: { assigneeId: locator('email', 'ann.lee@example.com') },
			});
			expect(result.error).toBeUndefined();
		});

		it('a malformed email stops before any request', async () => {
			const result = await run({
				operation: 'create',
				storyId: locator('id', '26133885'),
				assigneeId: locator('email', '={{ "ann.lee" }}'),
			});
			expect(result.error?.message).toBe(
				'Assignee ID (By Email) must be an email address, got "ann.lee" [item 0]',
			);
		});
	});
});

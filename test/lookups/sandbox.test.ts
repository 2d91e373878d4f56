import { listSearch, loadOptions } from '../harness/loadOptions';
import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';

/** The pickers against the sandbox's imitation of each vendor's lookup endpoints. */
describe('pickers against the sandbox', () => {
	const box = useSandbox();

	describe('Kantata OX', () => {
		const credentials = () => box.credentials('kantataOxApi');
		const search = (method: string, filter?: string, paginationToken?: string) =>
			listSearch({
				node: 'kantataOx',
				method,
				credentials: credentials(),
				filter,
				paginationToken,
			});

		it('finds the admin by name and shows the email', async () => {
			const result = await search('searchUsers', 'sandbox admin');
			expect(result.results).toEqual([
				{ name: 'Sandbox Admin (sandbox.admin@example.com)', value: '3700001' },
			]);
		});

		it('lists tasks with their project, page after page', async () => {
			const first = await search('searchStories');
			expect(first.results[0]).toEqual({
				name: 'Sandbox: assign me (Sandbox Demo Project)',
				value: '26100001',
			});
			expect(first.paginationToken).toBe('2');
			const second = await search('searchStories', undefined, first.paginationToken);
			expect(second.results.length).toBeGreaterThan(0);
			expect(second.results[0].value).not.toBe('26100001');
		});

		it('finds the project and its resources', async () => {
			expect((await search('searchWorkspaces', 'demo project')).results).toEqual([
				{ name: 'Sandbox Demo Project', value: '2100001' },
			]);
			const resources = await search('searchResources', 'sandbox demo');
			expect(resources.results.slice(0, 2)).toEqual([
				{ name: 'Sandbox Admin (Sandbox Demo Project)', value: '5001' },
				{ name: 'Unnamed: Designer (unnamed) (Sandbox Demo Project)', value: '5002' },
			]);
		});

		it('assigns the task picked from the list to the user given by email', async () => {
			const story = (await search('searchStories', 'assign me')).results[0].value;
			const result = await runNode({
				node: 'kantataOx',
				credentials: credentials(),
				parameters: {
					resource: 'assignment',
					operation: 'create',
					storyId: { __rl: true, mode: 'list', value: story },
					assigneeId: { __rl: true, mode: 'email', value: 'sandbox.admin@example.com' },
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ story_id: '26100001', assignee_id: '3700001' });
		});
	});
});

describe('pickers against the sandbox: Paymo', () => {
	const box = useSandbox();
	const search = (method: string, filter?: string) =>
		listSearch({ node: 'paymo', method, credentials: box.credentials('paymoApi'), filter });

	it('finds users by name and tasks with their project', async () => {
		expect((await search('searchUsers', 'beatrice')).results).toEqual([
			{ name: 'Beatrice Baldwin (beatrice.baldwin.241184@example.com)', value: '241184' },
		]);
		const tasks = await search('searchTasks');
		expect(tasks.results.length).toBeGreaterThan(0);
		expect(tasks.results[0].name).toMatch(/ \(Project \d+\)$/);
	});

	it('creates an assignment for the user given by email', async () => {
		const result = await runNode({
			node: 'paymo',
			credentials: box.credentials('paymoApi'),
			parameters: {
				resource: 'assignment',
				operation: 'create',
				userId: { __rl: true, mode: 'email', value: 'beatrice.baldwin.241184@example.com' },
				taskId: { __rl: true, mode: 'id', value: '48591' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ user_id: 241184, task_id: 48591 });
	});
});

describe('pickers against the sandbox: Xurrent', () => {
	const box = useSandbox();
	const credentials = () => box.credentials('xurrentApi');
	const search = (method: string, filter?: string) =>
		listSearch({ node: 'xurrent', method, credentials: credentials(), filter });

	it('finds people by name and project tasks with their project', async () => {
		expect((await search('searchPeople', 'beatrice baldwin')).results).toEqual([
			{ name: 'Beatrice Baldwin (beatrice.baldwin@example.com)', value: '41' },
		]);
		const tasks = await search('searchProjectTasks');
		expect(tasks.results[0].name).toMatch(/ \(.+\)$/);
	});

	it('assigns the person given by email to the task given by URL', async () => {
		const result = await runNode({
			node: 'xurrent',
			credentials: credentials(),
			parameters: {
				resource: 'assignment',
				operation: 'create',
				taskId: {
					__rl: true,
					mode: 'url',
					value: 'https://sandbox.xurrent.com/project_tasks/1002',
				},
				assigneeId: { __rl: true, mode: 'email', value: 'beatrice.baldwin@example.com' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ assignee: { id: 41 } });
	});
});

describe('pickers against the sandbox: Smartsheet RM', () => {
	const box = useSandbox();
	const credentials = () => box.credentials('smartsheetResourceManagementApi');
	const node = 'smartsheetResourceManagement';

	it('lists users, the project with its phase, placeholders, leave types and statuses', async () => {
		const search = (method: string, filter?: string, paginationToken?: string) =>
			listSearch({ node, method, credentials: credentials(), filter, paginationToken });
		expect((await search('searchProjects', 'sandbox demo')).results.map((r) => r.value)).toEqual(
			expect.arrayContaining(['183760']),
		);
		expect((await search('searchPlaceholders', 'designer')).results).toEqual([
			{ name: 'Designer', value: '900001' },
		]);
		expect((await search('searchUsers')).results.length).toBeGreaterThan(0);
		const leave = await search('searchAssignables', 'vacation', 'leave');
		expect(leave.results).toEqual([{ name: 'Vacation (leave type)', value: '90001' }]);
		const statuses = await loadOptions({
			node,
			method: 'getStatusOptions',
			credentials: credentials(),
		});
		expect(statuses.map((s) => s.value)).toEqual(['1', '2', '3']);
	});
});

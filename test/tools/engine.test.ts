import type { IDataObject, INode } from 'n8n-workflow';

import * as registry from '../harness/registry';
import { runNode } from '../harness/run';
import { ToolCaller, toolCallerType, toolType, toolVariant } from '../harness/tool';

/**
 * The package's nodes as AI tools, through n8n-core's own tool path: the node under test plays
 * the agent (as the MCP Server Trigger does), n8n-core wraps each connected `…Tool` node as a
 * structured tool with the description and the `$fromAI` parameters, and a call runs the node.
 */
const nodeTypes = {
	[toolCallerType]: new ToolCaller(),
	...Object.fromEntries(
		registry.nodes.map((node) => [toolType(node.description.name), toolVariant(node)]),
	),
};

const fromAi = (key: string, description: string, type = 'string') =>
	`={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const locator = (key: string, description: string) => ({
	__rl: true,
	mode: 'id',
	value: fromAi(key, description),
});

const xurrent = { xurrentApi: { accessToken: 'dummy-xurrent-pat-tool', accountId: 'widget' } };
const paymo = { paymoApi: { apiKey: 'key-tool' } };

async function callTools(
	credentials: IDataObject,
	tools: Array<{ name: string; node: string; parameters: INode['parameters'] }>,
	calls: Array<{ tool: string; args: IDataObject }>,
) {
	const result = await runNode({
		node: 'agent',
		nodeType: toolCallerType,
		nodeTypes,
		parameters: {},
		credentials: credentials as never,
		items: calls,
		tools: tools.map((tool) => ({
			name: tool.name,
			type: toolType(tool.node),
			parameters: tool.parameters,
		})),
	});
	if (result.error) throw result.error;
	const [listing, ...answers] = result.items.map((item) => item.json);
	return { listed: listing.tools as IDataObject[], answers };
}

let requests: string[];
beforeEach(() => {
	requests = [];
	nock.emitter.on('no match', (request: { method?: string; url?: string }) =>
		requests.push(`${request.method} ${request.url}`),
	);
});
afterEach(() => nock.emitter.removeAllListeners('no match'));

describe('AI tools › through n8n-core’s tool path', () => {
	it('Xurrent Get Many: listed with its own description and $fromAI parameter, then called', async () => {
		nock('https://api.xurrent.com')
			.get('/v1/project_tasks/5/assignments')
			.query({ per_page: '50' })
			.reply(200, [{ id: 75, assignee: { id: 41, name: 'Ellen' }, planned_effort: 90 }]);
		const { listed, answers } = await callTools(
			xurrent,
			[
				{
					name: 'List assignments',
					node: 'xurrent',
					parameters: {
						resource: 'assignment',
						operation: 'getAll',
						taskId: locator('Task_ID', 'Numeric ID of the project task'),
					},
				},
			],
			[{ tool: 'List_assignments', args: { Task_ID: '5' } }],
		);
		expect(listed).toEqual([
			{
				name: 'List_assignments',
				description: expect.stringMatching(
					/^List the assignments of one Xurrent project task\. Required: Project Task ID \(numeric\)/,
				),
				parameters: ['Task_ID'],
			},
		]);
		expect(answers).toEqual([
			{
				tool: 'List_assignments',
				result: [{ id: 75, assignee: { id: 41, name: 'Ellen' }, planned_effort: 90 }],
			},
		]);
	});

	it('a bad input reaches the agent as what to fix, and nothing is sent', async () => {
		const { answers } = await callTools(
			paymo,
			[
				{
					name: 'Assign',
					node: 'paymo',
					parameters: {
						resource: 'assignment',
						operation: 'create',
						userId: locator('User_ID', 'Numeric Paymo user ID'),
						taskId: locator('Task_ID', 'Numeric Paymo task ID'),
					},
				},
			],
			[{ tool: 'Assign', args: { User_ID: 'Jane Doe', Task_ID: '48591' } }],
		);
		expect(answers[0].error).toMatch(
			/^User ID must be a positive whole number, got "Jane Doe" \[item 0\]\n\nDetails: Enter the numeric User ID, e\.g\. 12345/,
		);
		expect(requests).toEqual([]);
	});

	it('Xurrent Delete All as a tool: refused with what to do instead, and nothing is sent', async () => {
		const { answers } = await callTools(
			xurrent,
			[
				{
					name: 'Clear task',
					node: 'xurrent',
					parameters: {
						resource: 'assignment',
						operation: 'deleteAll',
						taskId: locator('Task_ID', 'Numeric ID of the project task'),
					},
				},
			],
			[{ tool: 'Clear_task', args: { Task_ID: '5' } }],
		);
		expect(answers[0].error).toMatch(
			/^Delete All is not available to AI agents \[item 0\]\n\nDetails: .*list them with Get Many and remove each one with Delete/,
		);
		expect(requests).toEqual([]);
	});

	it('Xurrent Delete All in a workflow (not a tool) still removes every assignment', async () => {
		const scope = nock('https://api.xurrent.com')
			.delete('/v1/project_tasks/5/assignments/')
			.reply(204);
		const result = await runNode({
			node: 'xurrent',
			parameters: {
				resource: 'assignment',
				operation: 'deleteAll',
				taskId: { __rl: true, mode: 'id', value: '5' },
			},
			credentials: xurrent,
		});
		expect(result.items.map((item) => item.json)).toEqual([{ deleted: true, taskId: 5 }]);
		expect(scope.isDone()).toBe(true);
	});
});

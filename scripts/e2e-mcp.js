#!/usr/bin/env node
'use strict';
// End to end for the nodes as AI tools, with a real MCP client and no language model. Packs the
// built package, installs it into a pinned n8n in a temporary user folder, starts the vendor
// sandbox, imports sandbox credentials and examples/mcp-assignment-tools.json (n8n's MCP Server
// Trigger with the tool variant of all four nodes attached, their inputs filled by `$fromAI`),
// plus one Xurrent Delete All tool that must refuse; publishes it and starts n8n. Then a client
// built on @modelcontextprotocol/sdk connects over streamable HTTP and:
//   1. lists the tools: exactly the expected names, each with the description the package wrote
//      for its operation, and an input schema of exactly its `$fromAI` keys (all required);
//   2. calls them (CALLS below): per vendor Get Many (empty task/project) → Create → Get Many
//      (now holding what was created), each checked against the answer and the sandbox's data;
//      a bad input and the Delete All tool must answer an error that says what to do, with no
//      request reaching the sandbox.
// To check one more tool: add its node to the example (or to `extraTools`) and a line to CALLS.
//
// Usage: npm run build && npm run test:e2e-mcp [-- --keep]

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const lib = require('./lib/n8n');
const { workflowCredentials } = require('./lib/credentials');
const { serverEnv, startN8nServer } = require('./lib/n8nServer');
const { createSandbox } = require('../sandbox/server');

const log = (line) => console.log(line);
const keep = process.argv.includes('--keep');
const EXAMPLE = path.join(lib.ROOT, 'examples', 'mcp-assignment-tools.json');
const TRIGGER = 'MCP Server Trigger';

/** Tools the check adds to the example: Delete All, which the editor never offers to a tool. */
const extraTools = [
	{
		id: 'e7a00009-0009-4000-8000-0000000000ff',
		name: 'xurrent_clear_task',
		type: 'n8n-nodes-assignments.xurrentTool',
		typeVersion: 1.1,
		position: [0, 520],
		parameters: {
			authentication: 'accessToken',
			resource: 'assignment',
			operation: 'deleteAll',
			taskId: {
				__rl: true,
				mode: 'id',
				value: "={{ $fromAI('Task_ID', `Numeric ID of the Xurrent project task`, 'string') }}",
			},
		},
		credentials: { xurrentApi: { id: 'sandboxXurrentApi', name: 'Xurrent (sandbox)' } },
	},
];

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

/** The JSON a tool answered, or its error text. */
function answer(result) {
	const text = (result.content ?? []).map((part) => part.text ?? '').join('');
	if (result.isError) return { error: text };
	return { value: JSON.parse(text) };
}

const ids = (list) => list.map((record) => String(record.id));
const listed = (ctx, key) => (value) =>
	assert(
		Array.isArray(value) && ids(value).includes(String(ctx[key])),
		`expected the list to hold ${ctx[key]}, got ${JSON.stringify(value).slice(0, 300)}`,
	);
/** n8n answers every tool call with the node's output items: one record is a list of one. */
function one(value) {
	assert(
		Array.isArray(value) && value.length === 1,
		`expected one record, got ${JSON.stringify(value)}`,
	);
	return value[0];
}
const empty = (value) =>
	assert(Array.isArray(value) && value.length === 0, `expected [], got ${JSON.stringify(value)}`);

/**
 * The calls, in order: the tool, its arguments, and what the answer must be. `ok` gets the
 * answered JSON, `error` the error text; `sends: false` means no request may reach the sandbox, a number exactly that many.
 */
const CALLS = [
	{ tool: 'kantata_task_assignments', args: { Limit: 5, Story_ID: '26100001' }, ok: empty },
	{
		tool: 'kantata_assign',
		args: { Story_ID: '26100001', Assignee_ID: '3700001', Estimated_Minutes: 240 },
		ok: (answered, ctx) => {
			// Tool nodes at version 1.1 answer in the simplified shape (README: Output).
			const value = one(answered);
			assert(value.vendor === 'kantataOx' && value.taskId === '26100001', JSON.stringify(value));
			assert(value.assigneeId === '3700001', `assigneeId ${value.assigneeId}`);
			assert(value.effortMinutes === 240, `effortMinutes ${value.effortMinutes}`);
			ctx.kantata = value.id;
		},
	},
	{
		tool: 'kantata_task_assignments',
		args: { Limit: 5, Story_ID: '26100001' },
		ok: (value, ctx) => listed(ctx, 'kantata')(value),
	},
	{ tool: 'paymo_task_assignments', args: { Task_ID: '48591' }, ok: empty },
	{
		tool: 'paymo_assign',
		args: { User_ID: '241184', Task_ID: '48591' },
		ok: (answered, ctx) => {
			const value = one(answered);
			assert(value.assigneeId === '241184' && value.taskId === '48591', JSON.stringify(value));
			ctx.paymo = value.id;
		},
	},
	{
		tool: 'paymo_task_assignments',
		args: { Task_ID: '48591' },
		ok: (value, ctx) => listed(ctx, 'paymo')(value),
	},
	{ tool: 'rm_project_assignments', args: { Project_ID: '183760' }, ok: empty },
	{
		tool: 'rm_assign',
		args: {
			User_ID: '30256',
			Assignable_ID: '183760',
			Start_Date: '2026-12-01',
			End_Date: '2026-12-04',
			Percent: 50,
		},
		ok: (answered, ctx) => {
			const value = one(answered);
			assert(value.assigneeId === '30256' && value.projectId === '183760', JSON.stringify(value));
			// 50 % went to the API as the fraction it takes (0.5) and comes back as percent.
			assert(value.allocationPercent === 50, `allocationPercent ${value.allocationPercent}`);
			ctx.rm = value.id;
		},
	},
	{
		tool: 'rm_project_assignments',
		args: { Project_ID: '183760' },
		ok: (value, ctx) => listed(ctx, 'rm')(value),
	},
	{ tool: 'xurrent_task_assignments', args: { Task_ID: '1002' }, ok: empty },
	{
		tool: 'xurrent_assign',
		args: { Task_ID: '1002', Assignee_ID: '41', Planned_Effort: 90 },
		ok: (answered, ctx) => {
			const value = one(answered);
			assert(value.assigneeId === '41' && value.effortMinutes === 90, JSON.stringify(value));
			ctx.xurrent = value.id;
		},
	},
	{
		tool: 'xurrent_task_assignments',
		args: { Task_ID: '1002' },
		ok: (value, ctx) => listed(ctx, 'xurrent')(value),
	},
	// Assign (If Not Assigned): the same pair again changes nothing; another effort updates it.
	{
		tool: 'xurrent_ensure_assigned',
		args: { Task_ID: '1002', Assignee_ID: '41', Planned_Effort: 90 },
		sends: 1, // the lookup only
		ok: (answered, ctx) => {
			const value = one(answered);
			assert(value.action === 'unchanged' && value.id === ctx.xurrent, JSON.stringify(value));
		},
	},
	{
		tool: 'xurrent_ensure_assigned',
		args: { Task_ID: '1002', Assignee_ID: '41', Planned_Effort: 120 },
		sends: 2, // the lookup and the update
		ok: (answered, ctx) => {
			const value = one(answered);
			assert(
				value.action === 'updated' && value.id === ctx.xurrent && value.effortMinutes === 120,
				JSON.stringify(value),
			);
		},
	},
	{
		tool: 'xurrent_get_assignment',
		args: { Task_ID: '1001', Assignment_ID: 'the newest one' },
		sends: false,
		error: (text) =>
			assert(
				/Assignment ID must be a positive whole number, got "the newest one"/.test(text) &&
					/Details: Enter the numeric Assignment ID, e\.g\. 12345/.test(text),
				`unexpected error text: ${text}`,
			),
	},
	{
		tool: 'xurrent_assign',
		args: { Task_ID: '1002', Assignee_ID: '41', Planned_Effort: 'an hour and a half' },
		sends: false,
		error: (text) =>
			assert(
				/did not match expected schema/.test(text) && /Planned_Effort/.test(text),
				`unexpected error text: ${text}`,
			),
	},
	{
		tool: 'xurrent_clear_task',
		args: { Task_ID: '1001' },
		sends: false,
		error: (text) =>
			assert(
				/Delete All is not available to AI agents/.test(text) &&
					/list them with Get Many and remove each one with Delete/.test(text),
				`unexpected error text: ${text}`,
			),
	},
];

/** The description the package wrote for a tool node's operation (from the built dist/). */
function packageToolDescription(node) {
	const vendor = {
		kantataOx: 'KantataOx',
		paymo: 'Paymo',
		smartsheetResourceManagement: 'SmartsheetResourceManagement',
		xurrent: 'Xurrent',
	}[node.type.replace(/^n8n-nodes-assignments\.(\w+)Tool$/, '$1')];
	const file = path.join(lib.ROOT, 'dist', 'nodes', vendor, 'actions', 'assignment', 'tool.js');
	const { toolDescriptions } = require(file);
	const property = toolDescriptions.find((candidate) =>
		candidate.displayOptions.show.operation.includes(node.parameters.operation),
	);
	return property?.default;
}

/** Every `$fromAI('key', `description`, …)` in a node's parameters: key → description. */
function fromAiKeys(parameters) {
	const keys = {};
	const text = JSON.stringify(parameters);
	for (const match of text.matchAll(/\$fromAI\('([\w-]+)', `([^`]*)`/g)) keys[match[1]] = match[2];
	return keys;
}

async function checkToolList(client, toolNodes) {
	const { tools } = await client.listTools();
	const names = tools.map((tool) => tool.name).sort();
	const expected = toolNodes.map((node) => node.name).sort();
	assert(
		JSON.stringify(names) === JSON.stringify(expected),
		`tools listed: ${names.join(', ')}; expected ${expected.join(', ')}`,
	);
	for (const node of toolNodes) {
		const tool = tools.find((candidate) => candidate.name === node.name);
		const description = packageToolDescription(node);
		if (node.parameters.operation === 'deleteAll') {
			// No description of its own: it is not meant to be a tool (n8n's generic text).
			assert(!description, 'Delete All must have no tool description');
		} else {
			assert(
				tool.description === description,
				`${node.name}: description ${JSON.stringify(tool.description)}`,
			);
		}
		const keys = fromAiKeys(node.parameters);
		const properties = tool.inputSchema.properties ?? {};
		assert(
			JSON.stringify(Object.keys(properties).sort()) === JSON.stringify(Object.keys(keys).sort()),
			`${node.name}: schema properties ${Object.keys(properties)} ≠ $fromAI keys ${Object.keys(keys)}`,
		);
		for (const [key, text] of Object.entries(keys))
			assert(
				properties[key].description === text,
				`${node.name}.${key}: schema description ${properties[key].description}`,
			);
		assert(
			JSON.stringify([...(tool.inputSchema.required ?? [])].sort()) ===
				JSON.stringify(Object.keys(keys).sort()),
			`${node.name}: required ${tool.inputSchema.required}`,
		);
	}
	return tools;
}

async function runCalls(client, sandbox) {
	const ctx = {};
	const failures = [];
	for (const call of CALLS) {
		const before = sandbox.requests.length;
		const started = Date.now();
		try {
			const result = await client.callTool({ name: call.tool, arguments: call.args });
			const { value, error } = answer(result);
			if (call.error) {
				assert(error !== undefined, `expected an error, got ${JSON.stringify(value)}`);
				call.error(error);
			} else {
				assert(error === undefined, `unexpected error: ${error}`);
				call.ok(value, ctx);
			}
			const sent = sandbox.requests.length - before;
			if (call.sends === false) assert(sent === 0, `${sent} request(s) reached the sandbox`);
			if (typeof call.sends === 'number')
				assert(sent === call.sends, `${sent} request(s) reached the sandbox, not ${call.sends}`);
			log(`  ✓ ${call.tool} ${JSON.stringify(call.args)} (${Date.now() - started} ms)`);
			if (error) log(`    answered: ${JSON.stringify(error)}`);
		} catch (error) {
			log(`  ✗ ${call.tool} ${JSON.stringify(call.args)}: ${error.message}`);
			failures.push(`${call.tool}: ${error.message}`);
		}
	}
	return { ctx, failures };
}

async function main() {
	lib.checkNode();
	const started = Date.now();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-mcp-'));
	const userFolder = path.join(tmp, 'user');
	const cleanup = [];
	try {
		const { tarball } = lib.packPackage(tmp);
		const { cacheDir } = await lib.ensureN8n({ log });
		await lib.installPackage({ userFolder, tarball, log });
		const sandbox = await createSandbox({
			port: 0,
			size: { kantata: 40, paymo: 40, rm: 40, xurrent: 40 },
		});
		cleanup.push(() => sandbox.close());
		log(`› sandbox on ${sandbox.url}`);

		const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
		for (const node of extraTools) {
			workflow.nodes.push(node);
			workflow.connections[node.name] = {
				ai_tool: [[{ node: TRIGGER, type: 'ai_tool', index: 0 }]],
			};
		}
		const trigger = workflow.nodes.find((node) => node.name === TRIGGER);
		const toolNodes = workflow.nodes.filter((node) => node.type.endsWith('Tool'));

		const { port, env } = await serverEnv(userFolder);
		const credentials = workflowCredentials(
			[{ file: path.basename(EXAMPLE), workflow }],
			sandbox.vendors,
		);
		fs.writeFileSync(path.join(tmp, 'credentials.json'), JSON.stringify(credentials));
		fs.writeFileSync(path.join(tmp, 'workflow.json'), JSON.stringify(workflow));
		for (const [args, what] of [
			[['import:credentials', `--input=${path.join(tmp, 'credentials.json')}`], 'credentials'],
			[['import:workflow', `--input=${path.join(tmp, 'workflow.json')}`], 'workflow'],
			[['publish:workflow', `--id=${workflow.id}`], 'publish'],
		]) {
			const result = await lib.n8n(cacheDir, args, {
				env,
				outputFile: path.join(tmp, `${what}.txt`),
				log,
			});
			if (result.code !== 0) throw new Error(`${args[0]} failed:\n${result.output.slice(-2000)}`);
		}

		log(`› starting n8n ${lib.N8N_VERSION} on port ${port}`);
		const logFile = path.join(tmp, 'n8n-start.txt');
		const server = await startN8nServer({ cacheDir, env, logFile });
		cleanup.push(() => server.stop());
		const ready = Date.now();
		log(`› n8n ready after ${lib.seconds(ready - started)}`);

		// The SDK's client is ESM-first; its CommonJS build is what a script like this loads.
		const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
		const {
			StreamableHTTPClientTransport,
		} = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
		const url = new URL(`http://127.0.0.1:${port}/mcp/${trigger.parameters.path}`);
		const client = new Client({ name: 'n8n-nodes-assignments-e2e', version: '1.0.0' });
		await client.connect(new StreamableHTTPClientTransport(url));
		cleanup.push(() => client.close());
		log(`› MCP client connected to ${url}`);

		const tools = await checkToolList(client, toolNodes);
		log(`› ${tools.length} tools listed with their descriptions and input schemas:`);
		for (const tool of tools)
			log(`  ${tool.name}(${Object.keys(tool.inputSchema.properties ?? {}).join(', ')})`);

		log(`› ${CALLS.length} tool calls`);
		const { failures } = await runCalls(client, sandbox);
		if (failures.length) throw new Error(`MCP e2e failed:\n${failures.join('\n')}`);
		log(
			`✓ MCP e2e passed in ${lib.seconds(Date.now() - started)} (${lib.seconds(Date.now() - ready)} after n8n was ready)`,
		);
	} finally {
		for (const step of cleanup.reverse()) await step().catch(() => {});
		if (keep) log(`kept ${tmp}`);
		else fs.rmSync(tmp, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});

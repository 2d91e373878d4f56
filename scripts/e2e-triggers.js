#!/usr/bin/env node
'use strict';
// End to end for the four trigger nodes in a real n8n (`n8n start`, not `n8n execute`: triggers
// run only in a published workflow). Packs the built package, installs it into a pinned n8n in a
// temporary user folder, starts the vendor sandbox, imports sandbox credentials and one workflow
// per trigger (trigger → No Operation), publishes them and starts n8n. Then:
//   1. waits for the activation: a first poll per polling trigger (which outputs nothing) and the
//      Smartsheet RM webhooks registered in the sandbox,
//   2. cycle 1: creates one assignment per vendor in the sandbox (RM posts its webhook at once);
//      cycle 2: changes it and removes one (Kantata OX unassigns another, Paymo adds a second and
//      deletes the first, Xurrent removes one of task 1001, RM updates),
//   3. after each cycle, waits for the executions n8n records (polls fire once a minute, by a
//      cron with seconds) and reads them from n8n's database: every workflow's new executions
//      must hold exactly the expected `event:id` items, and succeed.
//
// Usage: npm run build && source scripts/node24.sh && node scripts/e2e-triggers.js [--keep]

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const lib = require('./lib/n8n');
const { SANDBOX_CREDENTIALS, SANDBOX_NAMES, sandboxCredentialId } = require('./lib/credentials');
const { serverEnv, startN8nServer } = require('./lib/n8nServer');
const { createSandbox } = require('../sandbox/server');

const log = (line) => console.log(line);
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const keep = process.argv.includes('--keep');

async function until(what, check, timeoutMs, everyMs = 2000) {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await wait(everyMs);
	}
}

/** One workflow: the trigger under test → No Operation. */
function workflow(id, trigger, credentialType, cronSecond) {
	const polling = trigger.type !== 'smartsheetResourceManagementTrigger';
	const parameters = polling
		? {
				...trigger.parameters,
				pollTimes: { item: [{ mode: 'custom', cronExpression: `${cronSecond} * * * * *` }] },
			}
		: trigger.parameters;
	return {
		id,
		name: `e2e ${trigger.type}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Trigger',
				type: `n8n-nodes-assignments.${trigger.type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				...(polling ? {} : { webhookId: '5b2d7c3e-9f1a-4d6b-8e2c-7a9f0b1c2d3e' }),
				credentials: {
					[credentialType]: {
						id: sandboxCredentialId(credentialType),
						name: SANDBOX_NAMES[credentialType],
					},
				},
			},
			{
				id: `${id}-noop`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { Trigger: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

const all = ['created', 'updated', 'removed'];
const suites = [
	{
		id: 'e2eTrigKantata01',
		vendor: 'kantata',
		credential: 'kantataOxApi',
		trigger: { type: 'kantataOxTrigger', parameters: { events: all } },
		firstPoll: (r) => r.vendor === 'kantata' && r.query.updated_after !== undefined,
		cycles: [
			(s, ctx) => {
				ctx.id = s.direct('kantata', {
					method: 'POST',
					path: '/assignments.json',
					body: { assignment: { story_id: '26100001', assignee_id: '3700001' } },
				}).body.results[0].id;
				return [`created:${ctx.id}`];
			},
			(s, ctx) => {
				s.direct('kantata', {
					method: 'PUT',
					path: `/assignments/${ctx.id}.json`,
					body: { assignment: { estimated_minutes: 60 } },
				});
				const listed = s.direct('kantata', {
					method: 'GET',
					path: '/assignments.json',
					query: { current: 'true', per_page: '5' },
				}).body.results;
				const other = listed.map((ref) => ref.id).find((id) => id !== ctx.id);
				s.direct('kantata', { method: 'DELETE', path: `/assignments/${other}.json` });
				return [`updated:${ctx.id}`, `removed:${other}`];
			},
		],
	},
	{
		id: 'e2eTrigPaymo0001',
		vendor: 'paymo',
		credential: 'paymoApi',
		trigger: {
			type: 'paymoTrigger',
			parameters: {
				events: all,
				watchBy: 'task',
				taskId: '48591',
				options: { detectRemovals: true },
			},
		},
		firstPoll: (r) => r.vendor === 'paymo' && String(r.query.where).includes('48591'),
		cycles: [
			(s, ctx) => {
				ctx.id = s.direct('paymo', {
					method: 'POST',
					path: '/userstasks',
					body: { user_id: 241184, task_id: 48591 },
				}).body.userstasks[0].id;
				return [`created:${ctx.id}`];
			},
			(s, ctx) => {
				const second = s.direct('paymo', {
					method: 'POST',
					path: '/userstasks',
					body: { user_id: 241185, task_id: 48591 },
				}).body.userstasks[0].id;
				s.direct('paymo', { method: 'DELETE', path: `/userstasks/${ctx.id}` });
				return [`created:${second}`, `removed:${ctx.id}`];
			},
		],
	},
	{
		id: 'e2eTrigXurrent01',
		vendor: 'xurrent',
		credential: 'xurrentApi',
		trigger: { type: 'xurrentTrigger', parameters: { events: all, taskIds: '1001, 1002' } },
		firstPoll: (r) => r.vendor === 'xurrent' && r.path.includes('/project_tasks/1002/assignments'),
		cycles: [
			(s, ctx) => {
				ctx.id = s.direct('xurrent', {
					method: 'POST',
					path: '/project_tasks/1002/assignments',
					body: { assignee_id: 41 },
				}).body.id;
				return [`created:${ctx.id}`];
			},
			(s, ctx) => {
				s.direct('xurrent', {
					method: 'PATCH',
					path: `/project_tasks/1002/assignments/${ctx.id}`,
					body: { planned_effort: 75 },
				});
				const [other] = s.direct('xurrent', {
					method: 'GET',
					path: '/project_tasks/1001/assignments',
					query: { per_page: '1' },
				}).body;
				s.direct('xurrent', {
					method: 'DELETE',
					path: `/project_tasks/1001/assignments/${other.id}`,
				});
				return [`updated:${ctx.id}`, `removed:${other.id}`];
			},
		],
	},
	{
		id: 'e2eTrigRm0000001',
		vendor: 'rm',
		credential: 'smartsheetResourceManagementApi',
		trigger: {
			type: 'smartsheetResourceManagementTrigger',
			parameters: { events: ['created', 'updated'] },
		},
		firstPoll: () => false,
		cycles: [
			(s, ctx) => {
				ctx.id = s.direct('rm', {
					method: 'POST',
					path: '/assignments',
					body: {
						user_id: 30256,
						assignable_id: 183760,
						starts_at: '2026-12-01',
						ends_at: '2026-12-04',
					},
				}).body.id;
				return [`created:${ctx.id}`];
			},
			(s, ctx) => {
				s.direct('rm', {
					method: 'PUT',
					path: `/assignments/${ctx.id}`,
					body: { note: 'changed' },
				});
				return [`updated:${ctx.id}`];
			},
		],
	},
];

/** Executions with the trigger's output items, read from n8n's SQLite database. */
async function executions(cacheDir, userFolder) {
	const sqlite3 = require(path.join(cacheDir, 'node_modules', 'sqlite3'));
	const { parse } = require(path.join(cacheDir, 'node_modules', 'flatted'));
	const file = path.join(userFolder, '.n8n', 'database.sqlite');
	const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
	try {
		const rows = await new Promise((resolve, reject) =>
			db.all(
				'SELECT e.id, e.workflowId, e.mode, e.status, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id',
				(error, result) => (error ? reject(error) : resolve(result)),
			),
		);
		return rows.map((row) => {
			const data = parse(row.data);
			const task = data.resultData.runData.Trigger?.[0];
			return {
				id: row.id,
				workflowId: row.workflowId,
				mode: row.mode,
				status: row.status,
				items: (task?.data?.main?.[0] ?? []).map((item) => item.json),
			};
		});
	} finally {
		db.close();
	}
}

async function main() {
	lib.checkNode();
	const started = Date.now();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-triggers-'));
	const userFolder = path.join(tmp, 'user');
	const cleanup = [];
	try {
		const { tarball, pkg } = lib.packPackage(tmp);
		const { cacheDir } = await lib.ensureN8n({ log });
		await lib.installPackage({ userFolder, tarball, log });
		const sandbox = await createSandbox({
			port: 0,
			size: { kantata: 60, paymo: 60, rm: 60, xurrent: 60 },
		});
		cleanup.push(() => sandbox.close());
		log(`› sandbox on ${sandbox.url}`);

		const { port, env } = await serverEnv(userFolder);
		const credentials = [...new Set(suites.map((s) => s.credential))].map((type) => ({
			id: sandboxCredentialId(type),
			name: SANDBOX_NAMES[type],
			type,
			data: SANDBOX_CREDENTIALS[type](sandbox.vendors),
		}));
		fs.writeFileSync(path.join(tmp, 'credentials.json'), JSON.stringify(credentials));
		let result = await lib.n8n(
			cacheDir,
			['import:credentials', `--input=${path.join(tmp, 'credentials.json')}`],
			{
				env,
				outputFile: path.join(tmp, 'import-credentials.txt'),
				log,
			},
		);
		if (result.code !== 0)
			throw new Error(`import:credentials failed:\n${result.output.slice(-2000)}`);
		// Polls fire at this second of every minute; n8n refuses intervals under a minute.
		const cronSecond = (new Date().getSeconds() + 50) % 60;
		const dir = path.join(tmp, 'workflows');
		fs.mkdirSync(dir);
		for (const suite of suites)
			fs.writeFileSync(
				path.join(dir, `${suite.id}.json`),
				JSON.stringify(workflow(suite.id, suite.trigger, suite.credential, cronSecond)),
			);
		result = await lib.n8n(cacheDir, ['import:workflow', '--separate', `--input=${dir}`], {
			env,
			outputFile: path.join(tmp, 'import-workflows.txt'),
			log,
		});
		if (result.code !== 0)
			throw new Error(`import:workflow failed:\n${result.output.slice(-2000)}`);
		for (const suite of suites) {
			result = await lib.n8n(cacheDir, ['publish:workflow', `--id=${suite.id}`], {
				env,
				outputFile: path.join(tmp, `publish-${suite.id}.txt`),
				log,
			});
			if (result.code !== 0)
				throw new Error(`publish:workflow ${suite.id} failed:\n${result.output.slice(-2000)}`);
		}

		log(`› starting n8n ${lib.N8N_VERSION} on port ${port}`);
		const server = await startN8nServer({
			cacheDir,
			env,
			logFile: path.join(tmp, 'n8n-start.txt'),
		});
		cleanup.push(() => server.stop());
		log(`› n8n ready after ${lib.seconds(Date.now() - started)}`);

		await until(
			'the activation polls and the RM webhooks',
			() =>
				suites.every((suite) => suite.vendor === 'rm' || sandbox.requests.some(suite.firstPoll)) &&
				sandbox.state.rm.webhooks?.byId.size === 2,
			120_000,
		);
		log('› activated: first polls done, 2 RM webhooks registered');
		const hooks = [...sandbox.state.rm.webhooks.byId.values()];
		if (
			!hooks.every(
				(hook) =>
					hook.url.startsWith(`http://127.0.0.1:${port}/webhook/`) &&
					/[?&]token=[0-9a-f]{48}$/.test(hook.url),
			)
		)
			throw new Error(`unexpected RM webhook URLs: ${hooks.map((hook) => hook.url).join(', ')}`);
		const before = await executions(cacheDir, userFolder);
		if (before.length)
			throw new Error(
				`activation started ${before.length} execution(s); the first poll must output nothing`,
			);

		// Each cycle changes the sandbox, then waits for the executions it must cause: exactly the
		// expected items (a cycle's changes may be split over two polls), all successful.
		const contexts = new Map(suites.map((suite) => [suite.id, {}]));
		const failures = [];
		for (let cycle = 0; cycle < 2; cycle++) {
			const seen = new Set((await executions(cacheDir, userFolder)).map((run) => run.id));
			const expected = new Map(
				suites.map((suite) => [
					suite.id,
					suite.cycles[cycle](sandbox, contexts.get(suite.id)).sort(),
				]),
			);
			log(`› cycle ${cycle + 1}: expecting ${JSON.stringify(Object.fromEntries(expected))}`);
			const newRuns = async () =>
				(await executions(cacheDir, userFolder)).filter((run) => !seen.has(run.id));
			const itemsOf = (runs, id) =>
				runs
					.filter((run) => run.workflowId === id)
					.flatMap((run) => run.items)
					.map((item) => `${item.event}:${item.id}`)
					.sort();
			await until(
				`the executions of cycle ${cycle + 1}`,
				async () => {
					const runs = await newRuns();
					return suites.every(
						(suite) => itemsOf(runs, suite.id).length >= expected.get(suite.id).length,
					);
				},
				150_000,
				3000,
			).catch((error) => failures.push(error.message));
			await wait(5000);
			const runs = await newRuns();
			for (const suite of suites) {
				const mine = runs.filter((run) => run.workflowId === suite.id);
				const items = itemsOf(runs, suite.id);
				const summary = `${suite.id}: ${mine.length} execution(s) [${mine.map((run) => `${run.mode}/${run.status}`)}], items ${JSON.stringify(items)}`;
				log(`  ${summary}`);
				const ok =
					mine.every((run) => run.status === 'success') &&
					JSON.stringify(items) === JSON.stringify(expected.get(suite.id));
				if (!ok) failures.push(`cycle ${cycle + 1}: ${summary}`);
			}
		}
		await server.stop();
		const left = sandbox.state.rm.webhooks.byId.size;
		log(`  RM webhooks left after n8n stopped: ${left}`);
		if (failures.length) throw new Error(`trigger e2e failed:\n${failures.join('\n')}`);
		log(`✓ trigger e2e passed in ${lib.seconds(Date.now() - started)}`);
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

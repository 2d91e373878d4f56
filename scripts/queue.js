#!/usr/bin/env node
'use strict';
// The package in n8n's queue mode: a private Postgres and Redis on loopback, the vendor sandbox,
// n8n main and two workers (--workers N) with the packed package installed in each user folder, and the
// webhook-triggered workflows of test/queue/workflows/ (what runs and what it must output:
// test/queue/scenarios.js). Checks that the executions ran on every worker (execution rows in
// Postgres, "Worker started execution" in the worker logs), that every output is complete, and
// that a worker without the package fails the execution clearly. Everything started is stopped
// at the end, also on failure and on Ctrl-C.
//
// Usage: node scripts/queue.js [--contention] [--workers N] [--install] [--keep]   (after `npm run build`)
//   --contention  also measure 20 concurrent Paymo Return All executions on one rate-limited key
//                 (the figures and targets of issue 18; they fail until the node meets them)
//   --workers N   workers with the package (default 2)
//   --install     install Debian's postgresql / redis-server when missing (root does so anyway)
//   --keep        keep the temporary folder (logs of every process)
// Env:   N8N_CACHE_DIR  where n8n 2.41.1 is (or gets) installed

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const lib = require('./lib/n8n');
const { sandboxSecrets, workflowCredentials } = require('./lib/credentials');
const { cleanup, cleanupOnSignals, onCleanup, waitUntil } = require('./lib/daemon');
const services = require('./lib/services');
const queue = require('./lib/queueMode');
const { createSandbox } = require('../sandbox/server');
const scenarios = require('../test/queue/scenarios');

const { WORKFLOWS } = scenarios;
const WORKFLOW_DIR = path.join(lib.ROOT, 'test', 'queue', 'workflows');
const log = (line) => console.log(line);
// No phase may hang the run (a worker that died leaves its webhook call open).
const PHASE_TIMEOUT_MS = 15 * 60_000;

function withTimeout(promise, ms, what) {
	let timer;
	const late = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${lib.seconds(ms)}`)), ms);
	});
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function parseArgs(argv) {
	const args = { contention: false, install: false, keep: false, workers: 2 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--contention') args.contention = true;
		else if (arg === '--workers') args.workers = Number(argv[++i]);
		else if (arg === '--install') args.install = true;
		else if (arg === '--keep') args.keep = true;
		else throw new Error(`unknown option ${arg}`);
	}
	if (!Number.isInteger(args.workers) || args.workers < 1)
		throw new Error('--workers needs a number ≥ 1');
	return args;
}

/** Pass/fail results like the e2e runner's; a check returns an optional note or throws. */
function createChecks() {
	const results = [];
	return {
		results,
		fail(label, error) {
			results.push({ label, ok: false });
			log(`  ✗ ${label}\n    ${String(error.message).split('\n').join('\n    ')}`);
		},
		async check(label, fn) {
			try {
				const note = await fn();
				results.push({ label, ok: true });
				log(`  ✓ ${label}${note ? ` (${note})` : ''}`);
			} catch (error) {
				this.fail(label, error);
			}
		},
	};
}

/** Installs what is missing when allowed; returns a skip reason when it is not. */
async function ensureServices(args, logFile) {
	const missing = services.missingPackages();
	if (!missing.length) return undefined;
	if (!args.install && !services.isRoot())
		return `Debian's ${missing.join(' and ')} not installed, and installing needs root: run \`sudo apt-get install ${missing.join(' ')}\`, or pass --install (uses sudo -n), or run as root`;
	log(`› installing ${missing.join(', ')} with apt-get (log: ${logFile})`);
	await services.installPackages(missing, { logFile, log });
	return undefined;
}

/** Imports the sandbox credentials and the workflows, and publishes them before main starts. */
async function importAndPublish({ cacheDir, tmp, shared, userFolder, sandbox }) {
	const workflows = Object.values(WORKFLOWS).map(({ file }) => ({
		file,
		workflow: JSON.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8')),
	}));
	const credentialsFile = path.join(tmp, 'credentials.json');
	fs.writeFileSync(
		credentialsFile,
		JSON.stringify(workflowCredentials(workflows, sandbox.vendors)),
	);
	const env = await queue.processEnv({ userFolder, shared });
	const commands = [
		['import:credentials', `--input=${credentialsFile}`],
		['import:workflow', '--separate', `--input=${WORKFLOW_DIR}`],
		...workflows.map(({ workflow }) => ['publish:workflow', `--id=${workflow.id}`]),
	];
	for (const args of commands) {
		const outputFile = path.join(tmp, `${args[0].replace(':', '-')}.txt`);
		const result = await lib.n8n(cacheDir, args, { env, outputFile, log });
		if (result.code !== 0)
			throw new Error(`n8n ${args.join(' ')} failed:\n${result.output.slice(-2000)}`);
		log(`  n8n ${args[0]} ${lib.seconds(result.ms)}`);
	}
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);

/** The execution rows after `afterId`, with when each stopped (epoch ms, 0 while running). */
const executionRows = (ctx, afterId) =>
	ctx.postgres
		.query(
			`select id, status, mode, "workflowId", coalesce(round(extract(epoch from "stoppedAt") * 1000), 0)
			 from execution_entity where id > ${afterId} order by id`,
		)
		.map(([id, status, mode, workflowId, stopped]) => ({
			id,
			status,
			mode,
			workflowId,
			stoppedAt: Number(stopped),
		}));

const maxExecutionId = (ctx) =>
	Number(ctx.postgres.query('select coalesce(max(id), 0) from execution_entity')[0][0]);

/**
 * What one execution output on its list node (IDs in order) and, when it failed, its error
 * message: from the run data n8n stored in Postgres (flatted JSON).
 */
function outcome(ctx, row, nodeName) {
	const [[raw] = []] = ctx.postgres.query(
		`select data from execution_data where "executionId" = ${row.id}`,
	);
	let data;
	try {
		data = ctx.flatted.parse(raw);
	} catch {
		// no or unreadable run data: the raw text may still name the error
	}
	const runs = data?.resultData?.runData?.[nodeName];
	const items = runs?.[runs.length - 1]?.data?.main?.[0];
	const error = data?.resultData?.error;
	const message = error?.message
		? `${error.message}${error.description ? ` — ${error.description}` : ''}`
		: /Unrecognized node type: [\w.-]+/.exec(raw ?? '')?.[0];
	return {
		ids: items?.map((item) => item.json.id),
		error: row.status === 'success' ? undefined : (message ?? 'no error message stored'),
	};
}

/**
 * Calls the webhooks of `counts` ({ vendor: n }) all at once (main answers at once, the workers
 * run the executions), waits until as many executions have ended, and measures what happened:
 * per vendor the executions that completed with the whole list, failed or were partial; which
 * worker started which; the sandbox's requests and 429s; time from the calls to the last stop.
 */
async function runPhase(ctx, counts) {
	const { sandbox, main } = ctx;
	sandbox.reset();
	sandbox.clearRequests();
	const expected = Object.fromEntries(
		Object.keys(counts).map((v) => [v, WORKFLOWS[v].expected(sandbox)]),
	);
	const afterId = maxExecutionId(ctx);
	const started = Date.now();
	const calls = await withTimeout(
		Promise.all(
			Object.entries(counts).flatMap(([vendor, n]) =>
				Array.from({ length: n }, () =>
					queue.callWebhook(main.url, WORKFLOWS[vendor].webhook).then((r) => ({ vendor, ...r })),
				),
			),
		),
		60_000,
		'the webhook calls',
	);
	let rows = [];
	await waitUntil(
		`${calls.length} executions to end`,
		async () => {
			rows = executionRows(ctx, afterId);
			return rows.length >= calls.length && rows.every((r) => ENDED.has(r.status));
		},
		{ timeoutMs: PHASE_TIMEOUT_MS, intervalMs: 1000 },
	);
	const ids = new Set(rows.map((r) => r.id));
	const byWorker = Object.fromEntries(
		ctx.workers.map((w) => [w.name, queue.startedExecutions(w).filter((id) => ids.has(id))]),
	);
	const stats = {};
	for (const [vendor, workflow] of Object.entries(WORKFLOWS).filter(([v]) => counts[v])) {
		const own = rows.filter((r) => r.workflowId === workflow.id);
		for (const row of own) Object.assign(row, outcome(ctx, row, workflow.node));
		const complete = (r) => r.status === 'success' && r.ids?.join() === expected[vendor].ids.join();
		const requests = sandbox.requests.filter((r) => r.vendor === vendor);
		stats[vendor] = {
			calls: calls.filter((c) => c.vendor === vendor).length,
			executions: own.length,
			complete: own.filter(complete).length,
			failed: own.filter((r) => r.status !== 'success').length,
			partial: own.filter((r) => r.status === 'success' && !complete(r)).length,
			items: expected[vendor].ids.length,
			minimumRequests: own.length * expected[vendor].requests,
			requests: requests.length,
			tooMany: requests.filter((r) => r.status === 429).length,
			slowestMs: Math.max(...own.map((r) => r.stoppedAt)) - started,
		};
	}
	const ms = Math.max(...rows.map((r) => r.stoppedAt)) - started;
	return { calls, rows, byWorker, stats, ms };
}

function describePhase(phase) {
	for (const [vendor, s] of Object.entries(phase.stats))
		log(
			`  ${vendor}: ${s.calls} executions at once, ${s.complete} complete (${s.items} items each), ${s.failed} failed, ${s.partial} partial; ${s.requests} requests (minimum ${s.minimumRequests}), ${s.tooMany} × 429; slowest ${lib.seconds(s.slowestMs)}`,
		);
	log(
		`  workers: ${Object.entries(phase.byWorker)
			.map(([n, ids]) => `${n} ${ids.length}`)
			.join(', ')}; wall ${lib.seconds(phase.ms)}`,
	);
	const errors = new Map();
	for (const row of phase.rows.filter((r) => r.error)) {
		const message = oneLine(row.error);
		errors.set(message, (errors.get(message) ?? 0) + 1);
	}
	for (const [message, n] of errors) log(`  ${n} × ${message}`);
}

const workersText = ({ workers }) => `${workers.length} worker${workers.length === 1 ? '' : 's'}`;

/** A long multi-line error message as one short line: its start and its end. */
function oneLine(message) {
	const line = message.replace(/\s+/g, ' ').trim();
	return line.length > 150 ? `${line.slice(0, 40)} … ${line.slice(-100)}` : line;
}

async function queuePhase(ctx, checks) {
	log(
		`› queue: ${Object.entries(scenarios.queue)
			.map(([v, n]) => `${n} × ${v}`)
			.join(' + ')} webhook calls at once`,
	);
	const phase = await runPhase(ctx, scenarios.queue);
	describePhase(phase);
	const total = phase.calls.length;
	await checks.check('every execution ended successfully with the complete list, in order', () => {
		const bad = Object.entries(phase.stats).filter(([, s]) => s.complete !== s.calls);
		if (bad.length)
			throw new Error(
				bad
					.map(
						([v, s]) =>
							`${v}: ${s.complete} complete, ${s.failed} failed, ${s.partial} partial of ${s.calls}`,
					)
					.join('; '),
			);
		return `${total} executions`;
	});
	await checks.check('one execution row per webhook call in Postgres, mode webhook', () => {
		const refused = phase.calls.filter((c) => c.status !== 200);
		const wrong = phase.rows.filter((r) => r.mode !== 'webhook');
		if (refused.length || phase.rows.length !== total || wrong.length)
			throw new Error(
				`${refused.length} calls not answered 200 (${refused.map((c) => c.status).join(', ')}); ${phase.rows.length} rows for ${total} calls; ${wrong.length} not in mode webhook`,
			);
	});
	await checks.check(
		`the executions ran on every worker (${workersText(ctx)}), each on exactly one`,
		() => {
			const lists = Object.values(phase.byWorker);
			const all = lists.flat();
			if (lists.some((ids) => ids.length === 0))
				throw new Error(`split ${JSON.stringify(phase.byWorker)}`);
			if (new Set(all).size !== all.length || all.length !== phase.rows.length)
				throw new Error(
					`${all.length} starts logged for ${phase.rows.length} rows: ${JSON.stringify(phase.byWorker)}`,
				);
			return Object.entries(phase.byWorker)
				.map(([n, ids]) => `${n}: ${ids.length}`)
				.join(', ');
		},
	);
	await checks.check('no credential secret in the logs of main and workers', () => {
		const leaks = [ctx.main, ...ctx.workers].filter((p) =>
			sandboxSecrets(ctx.sandbox).some((s) => p.output().includes(s)),
		);
		if (leaks.length) throw new Error(`secrets in ${leaks.map((p) => p.logFile).join(', ')}`);
	});
}

/** `--contention`: the issue-18 targets, measured (they fail until the kernel meets them). */
async function contentionPhase(ctx, checks) {
	const { limit, windowSeconds } = scenarios.PAYMO_LIMIT;
	log(
		`› contention: ${scenarios.contention.paymo} Paymo Return All executions at once on one key, sandbox limit ${limit} / ${windowSeconds} s, ${workersText(ctx)}`,
	);
	const phase = await runPhase(ctx, scenarios.contention);
	describePhase(phase);
	const s = phase.stats.paymo;
	// Fixed windows: the last of R requests can go out when window ⌈R / limit⌉ opens.
	const idealMs = (Math.ceil(s.minimumRequests / limit) - 1) * windowSeconds * 1000;
	log(
		`  contention figures: ${s.failed} of ${s.calls} failed, ${s.partial} partial, ${s.tooMany} × 429, total ${lib.seconds(phase.ms)} vs ideal ${lib.seconds(idealMs)} (${(phase.ms / idealMs).toFixed(2)} ×)`,
	);
	await checks.check('contention: no failed execution', () => {
		if (s.failed) throw new Error(`${s.failed} of ${s.calls} failed`);
	});
	await checks.check('contention: no partial output', () => {
		if (s.partial) throw new Error(`${s.partial} of ${s.calls} partial`);
	});
	await checks.check('contention: total time ≤ 1.25 × the ideal at the vendor rate', () => {
		// Failed executions end early: the time only says something when every one completed.
		if (s.complete !== s.calls)
			throw new Error(`not measurable: ${s.calls - s.complete} did not complete`);
		if (phase.ms > 1.25 * idealMs)
			throw new Error(`${lib.seconds(phase.ms)} > 1.25 × ${lib.seconds(idealMs)}`);
		return `${(phase.ms / idealMs).toFixed(2)} ×`;
	});
}

/** The workers with the package stop; one without it must fail the execution clearly. */
async function bareWorkerPhase(ctx, checks) {
	log('› a worker without the package');
	await Promise.all(ctx.workers.map((w) => w.stop()));
	const bare = await queue.startWorker({
		...ctx.workerOptions,
		name: 'worker-bare',
		userFolder: ctx.folders.bare,
		logFile: path.join(ctx.tmp, 'worker-bare.log'),
	});
	ctx.workers = [bare];
	const phase = await runPhase(ctx, { paymo: 1 });
	const [row] = phase.rows;
	await checks.check(
		'a worker without the package fails the execution with "Unrecognized node type"',
		() => {
			const wanted = `Unrecognized node type: ${WORKFLOWS.paymo.nodeType}`;
			if (!row || row.status !== 'error') throw new Error(`execution row: ${JSON.stringify(row)}`);
			if (!row.error.includes(wanted)) throw new Error(`error was: ${row.error}`);
			if (phase.byWorker['worker-bare'].length !== 1)
				throw new Error('worker-bare did not log starting it');
			return `"${row.error}"`;
		},
	);
}

async function runAll(args, tmp, checks) {
	log('› packing the package (dist/ from `npm run build`)');
	const { tarball } = lib.packPackage(tmp);
	const { cacheDir } = await lib.ensureN8n({ log });
	const workerNames = Array.from({ length: args.workers }, (_, i) => `worker-${i + 1}`);
	const folders = Object.fromEntries(
		['main', ...workerNames, 'bare'].map((n) => [n, path.join(tmp, n)]),
	);
	await Promise.all(
		['main', ...workerNames].map((n) =>
			lib.installPackage({ userFolder: folders[n], tarball, log }),
		),
	);
	fs.mkdirSync(folders.bare);
	log(
		`› ${path.basename(tarball)} installed in the user folders of main and ${workerNames.join(', ')} (not worker-bare)`,
	);

	const [postgres, redis, sandbox] = await Promise.all([
		lib
			.freePort()
			.then((port) =>
				services.startPostgres({ port, logFile: path.join(tmp, 'postgres.log'), log }),
			),
		lib
			.freePort()
			.then((port) =>
				services.startRedis({ port, dir: tmp, logFile: path.join(tmp, 'redis.log') }),
			),
		createSandbox(scenarios.sandbox),
	]);
	onCleanup(() => sandbox.close());
	log(`› Postgres on ${postgres.port}, Redis on ${redis.port}, sandbox on ${sandbox.url}`);
	const shared = queue.sharedQueueEnv({ postgres, redis });
	await importAndPublish({ cacheDir, tmp, shared, userFolder: folders.main, sandbox });

	const workerOptions = { cacheDir, shared, concurrency: scenarios.workerConcurrency };
	const [main, ...workers] = await Promise.all([
		queue.startMain({
			cacheDir,
			userFolder: folders.main,
			shared,
			logFile: path.join(tmp, 'main.log'),
		}),
		...workerNames.map((name) =>
			queue.startWorker({
				...workerOptions,
				name,
				userFolder: folders[name],
				logFile: path.join(tmp, `${name}.log`),
			}),
		),
	]);
	log(
		`› n8n main on ${main.url} (ready in ${lib.seconds(main.readyMs)}), ${workers.map((w) => `${w.name} ready in ${lib.seconds(w.readyMs)}`).join(', ')}`,
	);
	const webhooksMs = await queue.waitForWebhooks(
		main,
		Object.values(WORKFLOWS).map((w) => w.webhook),
	);
	log(`› main serves the published workflows' webhooks (${lib.seconds(webhooksMs)} after ready)`);
	const flatted = require(
		require.resolve('flatted', { paths: [path.join(cacheDir, 'node_modules', 'n8n')] }),
	);
	const ctx = { tmp, folders, postgres, sandbox, main, workers, workerOptions, flatted };
	await queuePhase(ctx, checks);
	if (args.contention) await contentionPhase(ctx, checks);
	await bareWorkerPhase(ctx, checks);
}

async function main() {
	const started = Date.now();
	const checks = createChecks();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	let args = {};
	let skipped;
	let keep = false;
	// Also after Ctrl-C: the folder goes unless --keep or a failed check wants its logs kept.
	process.on('exit', () => keep || fs.rmSync(tmp, { recursive: true, force: true }));
	cleanupOnSignals(log);
	try {
		args = parseArgs(process.argv.slice(2));
		keep = args.keep;
		lib.checkNode();
		skipped = await ensureServices(args, path.join(tmp, 'apt-get.log'));
		if (!skipped) await runAll(args, tmp, checks);
	} catch (error) {
		checks.fail('set-up', error);
	} finally {
		log('› stopping everything this run started');
		await cleanup(log);
	}
	const passed = checks.results.filter((r) => r.ok).length;
	const failed = checks.results.length - passed;
	keep = failed > 0 || Boolean(args.keep);
	if (keep) log(`› kept ${tmp} (logs of every process)`);
	log(`queue: whole run ${lib.seconds(Date.now() - started)}`);
	if (skipped) {
		log(`queue: skipped: ${skipped}`);
		log('queue: 0 passed, 0 failed (skipped)');
		process.exit(0);
	}
	log(`queue: ${passed} passed, ${failed} failed`);
	// Exit now: a webhook call still open after a failure must not keep the script alive.
	process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

if (require.main === module) main();

module.exports = { main };

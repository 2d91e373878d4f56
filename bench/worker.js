'use strict';
// One measurement in a fresh Node process, so that its peak RSS is its own. Forked by
// bench/run.js with an IPC channel:
//   parent → { task }            what to run (see run.js `measure`)
//   worker → { ready, baseline } loaded and warmed up (the parent then clears the sandbox log)
//   parent → { go }
//   worker → { result }          timings, memory and output checks; then the worker exits.
// Kinds: "ours" (this package's node in n8n-core's WorkflowExecute via the test harness),
// "httpNode" (n8n's HTTP Request node with built-in pagination, same engine), "plain" (a `fetch`
// loop, no n8n).

const path = require('node:path');

const vendors = require('./lib/vendors');

const BUILD = path.join(__dirname, '.build');

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function send(message) {
	return new Promise((resolve, reject) =>
		process.send(message, (error) => (error ? reject(error) : resolve())),
	);
}

const nextMessage = () => new Promise((resolve) => process.once('message', resolve));

function collectGarbage() {
	if (typeof global.gc === 'function') {
		global.gc();
		global.gc();
	}
}

/** CPU profile of the measured run only (--profile): a .cpuprofile for Chrome DevTools. */
async function startProfiler() {
	const inspector = require('node:inspector/promises');
	const fs = require('node:fs');
	const session = new inspector.Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 200 });
	await session.post('Profiler.start');
	return {
		async stop(task) {
			const { profile } = await session.post('Profiler.stop');
			fs.mkdirSync(task.profileDir, { recursive: true });
			const size = task.n ?? task.limit ?? task.items?.length;
			const file = path.join(
				task.profileDir,
				`${task.kind}-${task.vendor}-${task.mode}-${size}-${Date.now()}.cpuprofile`,
			);
			fs.writeFileSync(file, JSON.stringify(profile));
			session.disconnect();
		},
	};
}

/** Loads the engine harness (compiled by run.js) and, for the HTTP Request node, n8n-nodes-base. */
function loadEngine(task) {
	const harness = require(path.join(BUILD, 'test', 'harness', 'run.js'));
	if (task.kind !== 'httpNode') return { harness };
	const file = path.join(task.n8nNodesBase, 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');
	const { HttpRequest } = require(file);
	return { harness, httpRequest: new HttpRequest() };
}

/** Runs this package's node: Return All, a Limit, or Create over the task's input items. */
async function runOurs(engine, task, { warmUp }) {
	let parameters;
	let items;
	if (task.mode === 'create') {
		parameters = task.parameters;
		items = warmUp ? (task.warmUpItems ?? task.items.slice(0, 1)) : task.items;
	} else {
		parameters = vendors.listParameters(task.vendor, warmUp ? 1 : task.limit);
	}
	return await engine.harness.runNode({
		node: vendors.NODE[task.vendor],
		parameters,
		credentials: vendors.credentialsFor(task.vendor, task.sandboxVendors),
		// One saved credential for the warm-up and the measured run, as repeated executions in a
		// running n8n have: what the transport learned of its budget (gate.ts) carries over, and
		// the first request of a credential going alone is paid once per process, in the warm-up.
		credentialId: `bench-${task.vendor}`,
		items,
		scanSecrets: false,
	});
}

/** n8n's HTTP Request node: a paginated list, or one POST per input item (mode create). */
async function runHttpNode(engine, task, { warmUp }) {
	const create = task.mode === 'create';
	return await engine.harness.runNode({
		node: 'httpRequest',
		nodeType: 'n8n-nodes-base.httpRequest',
		typeVersion: task.httpNodeVersion,
		nodeTypes: { 'n8n-nodes-base.httpRequest': engine.httpRequest },
		parameters: create
			? task.parameters
			: vendors.httpNodeParameters(
					task.vendor,
					task.sandboxVendors,
					task.origin,
					warmUp ? 1 : undefined,
				),
		items: create ? (warmUp ? (task.warmUpItems ?? task.items.slice(0, 1)) : task.items) : undefined,
		credentials: {},
		scanSecrets: false,
	});
}

/** The practical lower bound: the same pages with `fetch`, parsed, records kept; no n8n. */
async function runPlain(task, { warmUp }) {
	const headers = {
		Accept: 'application/json',
		...vendors.authHeaders(task.vendor, task.sandboxVendors),
	};
	const records = [];
	let bytes = 0;
	let requests = 0;
	let url = vendors.firstPageUrl(task.vendor, task.sandboxVendors);
	while (url) {
		const response = await fetch(url, { headers });
		const text = await response.text();
		requests++;
		bytes += Buffer.byteLength(text);
		if (!response.ok)
			throw new Error(`plain loop: ${response.status} from ${url}: ${text.slice(0, 200)}`);
		const body = JSON.parse(text);
		const page = vendors.recordsOf(task.vendor, body);
		for (const record of page) records.push(record);
		if (warmUp) break;
		url = vendors.nextPageUrl(task.vendor, {
			url,
			response,
			body,
			records: page,
			origin: task.origin,
		});
	}
	return { records, bytes, requests };
}

/** What came out, checked after the clock stopped. */
function check(task, outcome) {
	if (task.kind === 'plain') {
		const ids = new Set(outcome.records.map((r) => r.id));
		return {
			outputItems: outcome.records.length,
			records: outcome.records.length,
			uniqueIds: ids.size,
		};
	}
	const { items, error } = outcome;
	const failure = error
		? `${error.message}${error.description ? ` — ${error.description}` : ''}`
		: undefined;
	if (task.kind === 'httpNode' && task.mode === 'create') {
		return {
			outputItems: items.length,
			records: items.length,
			errorItems: items.filter((item) => item.json.error !== undefined || item.error).length,
			error: failure,
		};
	}
	if (task.kind === 'httpNode') {
		// One item per page (object bodies) or per record (Xurrent's array bodies).
		const records =
			task.vendor === 'xurrent'
				? items.map((item) => item.json)
				: items.flatMap((item) => vendors.recordsOf(task.vendor, item.json));
		const ids = new Set(records.map((r) => r.id));
		return {
			outputItems: items.length,
			records: records.length,
			uniqueIds: ids.size,
			error: failure,
		};
	}
	const ids = new Set(items.map((item) => item.json.id));
	const result = {
		outputItems: items.length,
		records: items.length,
		uniqueIds: ids.size,
		error: failure,
	};
	if (task.mode === 'create') {
		// Exactly one output per input item: every input index once, each output a created record.
		const paired = items.map((item) => item.pairedItem?.item);
		const perInput = new Map();
		for (const index of paired) perInput.set(index, (perInput.get(index) ?? 0) + 1);
		result.inputs = task.items.length;
		result.errorItems = items.filter((item) => item.json.error !== undefined || item.error).length;
		result.missingInputs = task.items.length - perInput.size;
		result.doubledInputs = [...perInput.values()].filter((count) => count > 1).length;
		result.withoutId = items.filter((item) => item.json.id === undefined).length;
	}
	return result;
}

async function main() {
	const { task } = await nextMessage();
	const engine = task.kind === 'plain' ? undefined : loadEngine(task);
	const run = (options) => {
		if (task.kind === 'plain') return runPlain(task, options);
		if (task.kind === 'httpNode') return runHttpNode(engine, task, options);
		return runOurs(engine, task, options);
	};

	// Warm-up: one small run of the same kind (one page), so that module loading, JIT and the
	// first connection are not in the measurement. The parent clears the sandbox log afterwards.
	const warm = await run({ warmUp: true });
	if (warm.error) throw new Error(`warm-up failed: ${warm.error.message}`);
	collectGarbage();
	const baseline = process.memoryUsage();
	await send({ ready: true, baselineRss: baseline.rss });
	await nextMessage();

	// The process's lifetime peak (maxRSS) may date from loading the engine; if the run does not
	// beat it, the run's own peak comes from sampling RSS while it runs.
	const maxRssBefore = process.resourceUsage().maxRSS * 1024;
	let sampled = process.memoryUsage.rss();
	const sampler = setInterval(() => {
		sampled = Math.max(sampled, process.memoryUsage.rss());
	}, 5);
	const profiler = task.profileDir ? await startProfiler() : undefined;
	const started = process.hrtime.bigint();
	const outcome = await run({ warmUp: false });
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	clearInterval(sampler);
	if (profiler) await profiler.stop(task);
	// Peak before the checks below allocate anything.
	const maxRssAfter = process.resourceUsage().maxRSS * 1024;
	const endRss = process.memoryUsage.rss();
	const runPeak = maxRssAfter > maxRssBefore ? maxRssAfter : Math.max(sampled, endRss);
	// What the output holds once garbage is gone: the items themselves (plus the run data).
	collectGarbage();
	const retained = process.memoryUsage();
	const result = {
		ms,
		retainedHeapMb: mb(retained.heapUsed - baseline.heapUsed),
		retainedRssMb: mb(retained.rss - baseline.rss),
		baselineRssMb: mb(baseline.rss),
		peakRssMb: mb(runPeak),
		peakOverBaselineMb: mb(runPeak - baseline.rss),
		processMaxRssMb: mb(maxRssAfter),
		peakFrom: maxRssAfter > maxRssBefore ? 'maxRSS' : 'sampled',
		endRssMb: mb(endRss),
		...check(task, outcome),
	};
	if (task.kind === 'plain') {
		result.jsonBytes = outcome.bytes;
		result.clientRequests = outcome.requests;
	}
	await send({ result });
}

main().then(
	() => process.exit(0),
	async (error) => {
		try {
			await send({ error: error.stack ?? String(error) });
		} finally {
			process.exit(1);
		}
	},
);

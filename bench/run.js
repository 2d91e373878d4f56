#!/usr/bin/env node
'use strict';
// `npm run bench` (issue #8): this package's nodes inside n8n's engine (n8n-core 2.41.1
// WorkflowExecute, in-process, through the jest harness compiled to bench/.build) against the
// loopback vendor sandbox, side by side with a plain `fetch` loop and with n8n's HTTP Request
// node. Every measurement runs in a fresh child process (bench/worker.js) so its peak RSS is its
// own; each sandbox runs in its own process (bench/sandbox-host.js); request counts come from the
// sandbox's request log. Writes bench/results/latest.{md,json} (--quick: bench/tmp/quick.*).
//
// Usage: node bench/run.js [--quick] [--serial] [--vendors kantata,rm,xurrent,paymo]
//                          [--reps-10k N] [--reps-100k N] [--reps-100k-paymo N] [--skip-100k]
//                          [--skip-rate] [--skip-latency] [--latency-ms 0,50] [--out DIR]

const { fork, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../scripts/lib/n8n');
const vendors = require('./lib/vendors');
const { summary, median } = require('./lib/stats');
const { renderMarkdown } = require('./lib/report');
const { latencySuite } = require('./lib/latency');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(__dirname, '.build');
const TMP = path.join(__dirname, 'tmp');
const HTTP_NODE_VERSION = 4.5; // the version the editor adds today (defaultVersion)
const RATE = { limit: 5, windowSeconds: 5 };
/**
 * Outside the rate-limited cases the sandbox still sends each vendor's rate-limit headers, as the
 * real APIs do, but with a budget no run can spend. (With no headers at all the Paymo node falls
 * back to one request per second, by design.)
 */
const UNLIMITED = {
	rm: { limit: 1e9, windowSeconds: 60 },
	xurrent: { limit: 1e9, windowSeconds: 3600 },
	paymo: { limit: 1e9, windowSeconds: 5 },
};

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (line) => console.log(`[${elapsed().padStart(5)}] ${line}`);

function parseArgs(argv) {
	const args = {
		quick: false,
		serial: false,
		vendors: vendors.VENDORS,
		reps10k: undefined,
		reps100k: undefined,
		reps100kPaymo: undefined,
		skip100k: false,
		skipRate: false,
		skipLatency: false,
		latencies: [0, 50],
		out: undefined,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
			return argv[++i];
		};
		if (arg === '--quick') args.quick = true;
		else if (arg === '--serial') args.serial = true;
		else if (arg === '--vendors') args.vendors = value().split(',');
		else if (arg === '--reps-10k') args.reps10k = Number(value());
		else if (arg === '--reps-100k') args.reps100k = Number(value());
		else if (arg === '--reps-100k-paymo') args.reps100kPaymo = Number(value());
		else if (arg === '--skip-100k') args.skip100k = true;
		else if (arg === '--skip-rate') args.skipRate = true;
		else if (arg === '--skip-latency') args.skipLatency = true;
		else if (arg === '--latency-ms') args.latencies = value().split(',').map(Number);
		else if (arg === '--out') args.out = path.resolve(value());
		else if (arg === '--profile') args.profile = value();
		else if (arg === '--help' || arg === '-h') args.help = true;
		else throw new Error(`unknown option ${arg}`);
	}
	for (const vendor of args.vendors)
		if (!vendors.VENDORS.includes(vendor)) throw new Error(`unknown vendor ${vendor}`);
	return args;
}

/** Sizes and repetitions; --quick shrinks everything for development. */
function planFor(args) {
	const quick = args.quick;
	return {
		small: quick ? 2_000 : 10_000,
		large: quick ? 10_000 : 100_000,
		// Runs at 10,000 take well under a second: more of them steady the medians cheaply.
		reps10k: args.reps10k ?? (quick ? 1 : 9),
		reps100k: args.reps100k ?? (quick ? 1 : 3),
		reps100kPaymo: args.reps100kPaymo ?? (quick ? 1 : 3),
		limits: [50, 250, 1_500],
		createItems: quick ? 100 : 1_000,
		createReps: quick ? 1 : 3,
		rateListN: quick ? 100 : 1_000,
		rateListReps: quick ? 1 : 3,
		rateCreateItems: quick ? 20 : 200,
		rateCreateReps: 1,
		latencies: args.latencies,
		latencyN: quick ? 2_000 : 10_000,
		latencyCreate: quick ? 50 : 200,
		latencyReps: quick ? 1 : 3,
	};
}

// ---------------------------------------------------------------- processes

/** A sandbox in its own process. */
class SandboxHost {
	constructor(name) {
		this.name = name;
		this.nextId = 0;
		this.pending = new Map();
		this.child = fork(path.join(__dirname, 'sandbox-host.js'), [], {
			env: n8n.baseEnv(),
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		this.child.on('message', ({ id, result, error }) => {
			const waiter = this.pending.get(id);
			this.pending.delete(id);
			if (error) waiter?.reject(new Error(`sandbox ${name}: ${error}`));
			else waiter?.resolve(result);
		});
		this.child.on('exit', (code) => {
			for (const waiter of this.pending.values())
				waiter.reject(new Error(`sandbox ${name} exited (${code})`));
			this.pending.clear();
		});
	}

	call(cmd, args) {
		const id = ++this.nextId;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.child.send({ id, cmd, args });
		});
	}

	static async start(name, options) {
		const host = new SandboxHost(name);
		const info = await host.call('start', options);
		host.url = info.url;
		host.vendors = info.vendors;
		return host;
	}

	async close() {
		await this.call('close').catch(() => undefined);
	}
}

function workerEnv(lane) {
	return n8n.baseEnv({
		N8N_USER_FOLDER: path.join(TMP, `n8n-${lane}`),
		N8N_LOG_LEVEL: 'silent',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		NODE_ENV: 'production',
	});
}

/**
 * One measurement in a fresh worker process: it loads and warms up, the sandbox log is cleared
 * (or the whole sandbox reset, for cases that change data or spend a rate limit), then the
 * measured run; the request log of that run is read back afterwards.
 */
function measure(host, task, { lane = 'main', reset = false, timeoutMs = 15 * 60_000 } = {}) {
	return new Promise((resolve) => {
		const profile = PROFILE && (PROFILE === 'all' || PROFILE.split(',').includes(task.kind));
		const child = fork(path.join(__dirname, 'worker.js'), [], {
			execArgv: ['--expose-gc'],
			env: workerEnv(lane),
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let settled = false;
		let baselineRss;
		const finish = (value) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (child.connected) child.disconnect();
			resolve(value);
		};
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			finish({ error: `timed out after ${timeoutMs / 1000} s` });
		}, timeoutMs);
		child.on('message', async (message) => {
			try {
				if (message.ready) {
					baselineRss = message.baselineRss;
					await host.call(reset ? 'reset' : 'clear');
					child.send({ go: true });
				} else if (message.result) {
					const requestLog = await host.call('log');
					finish({ ...message.result, ...requestStats(requestLog, task.vendor), baselineRss });
				} else if (message.error) {
					finish({ error: message.error });
				}
			} catch (error) {
				finish({ error: error.stack ?? String(error) });
			}
		});
		child.on('exit', (code) => {
			if (!settled) finish({ error: `worker exited with code ${code} before reporting` });
		});
		child.send({
			task: {
				...task,
				sandboxVendors: host.vendors,
				origin: host.url,
				httpNodeVersion: HTTP_NODE_VERSION,
				n8nNodesBase: N8N_NODES_BASE,
				profileDir: profile ? path.join(TMP, 'profiles') : undefined,
			},
		});
	});
}

/** Request count, statuses, 429s, time span and the page sequence, from the sandbox log. */
function requestStats(requestLog, vendor) {
	const own = requestLog.filter((entry) => entry.vendor === vendor);
	const times = own.map((entry) => Date.parse(entry.at));
	const statuses = {};
	for (const entry of own) statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
	const pages = own.map((entry) => {
		const query = Object.entries(entry.query ?? {})
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([k, v]) => `${k}=${v}`)
			.join('&');
		return `${entry.method} ${entry.path}?${query}`;
	});
	return {
		requests: own.length,
		statuses,
		tooMany: own.filter((entry) => entry.status === 429).length,
		otherVendorRequests: requestLog.length - own.length,
		firstAt: times.length ? Math.min(...times) : undefined,
		lastAt: times.length ? Math.max(...times) : undefined,
		pageSignature: pages.join('\n'),
	};
}

let N8N_NODES_BASE;
/** --profile KINDS: CPU profiles of those workers (ours,plain,httpNode or all) into bench/tmp/profiles. */
let PROFILE;

// ---------------------------------------------------------------- cases

const KINDS = ['ours', 'plain', 'httpNode'];

/** Return All of n per vendor: ours, plain loop, HTTP Request node, interleaved per repetition. */
async function returnAllSuite(host, plan, args, n, repsFor) {
	const cases = [];
	for (const vendor of args.vendors) {
		cases.push({
			type: 'returnAll',
			vendor,
			n,
			minRequests: vendors.minRequests(vendor, { n }),
			runs: [],
		});
	}
	const most = Math.max(...args.vendors.map(repsFor));
	for (let rep = 0; rep < most; rep++) {
		for (const entry of cases) {
			const reps = repsFor(entry.vendor);
			if (rep >= reps) continue;
			const run = { rep };
			// Rotate the order so no kind always goes first (warm caches, CPU frequency).
			const order = KINDS.map((_, i) => KINDS[(i + rep) % KINDS.length]);
			for (const kind of order) {
				run[kind] = await measure(host, { kind, vendor: entry.vendor, mode: 'returnAll', n });
				const r = run[kind];
				log(
					`  ${vendors.LABEL[entry.vendor]} N=${n} rep ${rep + 1}/${reps} ${kind}: ` +
						(r.error
							? `ERROR ${r.error.split('\n')[0]}`
							: `${r.ms.toFixed(0)} ms, ${r.requests} requests, ${r.records} records, peak ${r.peakRssMb} MB (+${r.peakOverBaselineMb})`),
				);
			}
			entry.runs.push(run);
		}
	}
	return cases.map(summariseReturnAll);
}

const sortedLines = (text) => String(text).split('\n').sort().join('\n');

function ratio(a, b) {
	return a && b && !a.error && !b.error ? a.ms / b.ms : undefined;
}

function summariseReturnAll(entry) {
	const pick = (kind, key) =>
		entry.runs
			.map((run) => run[kind])
			.filter((r) => r && !r.error)
			.map((r) => r[key]);
	const stats = {};
	for (const kind of KINDS) {
		stats[kind] = {
			ms: summary(pick(kind, 'ms')),
			requests: summary(pick(kind, 'requests')),
			records: summary(pick(kind, 'records')),
			outputItems: summary(pick(kind, 'outputItems')),
			peakRssMb: summary(pick(kind, 'peakRssMb')),
			baselineRssMb: summary(pick(kind, 'baselineRssMb')),
			peakOverBaselineMb: summary(pick(kind, 'peakOverBaselineMb')),
			retainedHeapMb: summary(pick(kind, 'retainedHeapMb')),
			errors: entry.runs.map((run) => run[kind]?.error).filter(Boolean),
		};
	}
	const jsonBytes = median(pick('plain', 'jsonBytes'));
	const allRuns = entry.runs.flatMap((run) => KINDS.map((kind) => run[kind]).filter(Boolean));
	const oursRuns = entry.runs.map((run) => run.ours).filter((r) => r && !r.error);
	return {
		...entry,
		stats,
		jsonBytes,
		ratioPlain: summary(entry.runs.map((run) => ratio(run.ours, run.plain))),
		ratioHttpNode: summary(entry.runs.map((run) => ratio(run.ours, run.httpNode))),
		// The same pages, in any order (Kantata OX reads pages 2…N at once).
		samePagesAsPlain: entry.runs.every(
			(run) =>
				run.ours &&
				run.plain &&
				sortedLines(run.ours.pageSignature) === sortedLines(run.plain.pageSignature),
		),
		oursComplete:
			oursRuns.length === entry.runs.length &&
			oursRuns.every((r) => r.records === entry.n && r.uniqueIds === entry.n),
		httpNodeComplete: entry.runs.every(
			(run) => run.httpNode && !run.httpNode.error && run.httpNode.records === entry.n,
		),
		errors: allRuns.filter((r) => r.error).length,
		runs: entry.runs.map((run) => stripSignatures(run)),
	};
}

function stripSignatures(run) {
	const out = { rep: run.rep };
	for (const [key, value] of Object.entries(run)) {
		if (key === 'rep' || !value || typeof value !== 'object') continue;
		const { pageSignature, ...rest } = value;
		out[key] = rest;
	}
	return out;
}

/** Limit = 50, 250, 1,500 through the node: requests against the minimum. */
async function limitSuite(host, plan, args) {
	const results = [];
	for (const vendor of args.vendors) {
		for (const limit of plan.limits) {
			const r = await measure(host, { kind: 'ours', vendor, mode: 'limit', limit });
			const min = vendors.minRequests(vendor, { n: plan.small, limit });
			log(
				`  ${vendors.LABEL[vendor]} Limit=${limit}: ${r.error ? `ERROR ${r.error.split('\n')[0]}` : `${r.requests} requests (min ${min}), ${r.records} records`}`,
			);
			const { pageSignature, ...rest } = r;
			results.push({ type: 'limit', vendor, limit, minRequests: min, result: rest });
		}
	}
	return results;
}

/** Bulk Create through Smartsheet RM: items/s and exactly one output per input item. */
async function bulkCreateSuite(plan) {
	const host = await SandboxHost.start('create', { seed: 1, rateLimit: UNLIMITED });
	await host.call('seed', ['rm']);
	const users = await host.call('rmUserIds');
	const items = Array.from({ length: plan.createItems }, (_, i) => {
		const day = 1 + (i % 28);
		const month = 1 + (Math.floor(i / 28) % 12);
		const start = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
		return {
			userId: users[i % users.length],
			startsAt: start,
			endsAt: start,
			percent: 10 + (i % 90),
		};
	});
	const parameters = {
		resource: 'assignment',
		operation: 'create',
		userId: '={{ $json.userId }}',
		assignableId: '183760',
		startsAt: '={{ $json.startsAt }}',
		endsAt: '={{ $json.endsAt }}',
		allocationMode: 'percent',
		percent: '={{ $json.percent }}',
		additionalFields: {},
	};
	const runs = [];
	for (let rep = 0; rep < plan.createReps; rep++) {
		const r = await measure(
			host,
			{ kind: 'ours', vendor: 'rm', mode: 'create', parameters, items },
			{ reset: true },
		);
		const { pageSignature, ...rest } = r;
		runs.push(rest);
		log(
			`  Smartsheet RM create ${items.length} rep ${rep + 1}: ` +
				(r.error
					? `ERROR ${r.error.split('\n')[0]}`
					: `${r.ms.toFixed(0)} ms, ${r.requests} requests, ${r.outputItems} outputs, ${r.uniqueIds} distinct IDs`),
		);
	}
	await host.close();
	const ok = runs.filter((r) => !r.error);
	return {
		type: 'bulkCreate',
		vendor: 'rm',
		items: items.length,
		minRequests: items.length,
		itemsPerSecond: summary(ok.map((r) => (items.length / r.ms) * 1000)),
		ms: summary(ok.map((r) => r.ms)),
		requests: summary(ok.map((r) => r.requests)),
		exactlyOnce:
			ok.length === runs.length &&
			ok.every(
				(r) =>
					r.outputItems === items.length &&
					r.uniqueIds === items.length &&
					r.missingInputs === 0 &&
					r.doubledInputs === 0 &&
					r.errorItems === 0 &&
					r.withoutId === 0 &&
					r.requests === items.length,
			),
		peakRssMb: summary(ok.map((r) => r.peakRssMb)),
		runs,
	};
}

/** Rate arithmetic over the sandbox's arrival times. */
function rateOf(r) {
	const spanS = (r.lastAt - r.firstAt) / 1000;
	const allowed = RATE.limit / RATE.windowSeconds;
	const achieved = r.requests > 1 && spanS > 0 ? (r.requests - 1) / spanS : undefined;
	// A fixed window lets a client send `limit` at once at each window start: the fastest n
	// requests can go is one window per `limit` after the first burst.
	const idealSpanS = Math.floor((r.requests - 1) / RATE.limit) * RATE.windowSeconds;
	return {
		spanS,
		achievedPerS: achieved,
		allowedPerS: allowed,
		percentOfAllowed: achieved === undefined ? undefined : (achieved / allowed) * 100,
		idealSpanS,
		percentOfIdealSpan: spanS > 0 ? (idealSpanS / spanS) * 100 : undefined,
	};
}

/** Paymo under 5 requests per 5 s with rate-limit headers: Return All and Create. */
async function rateSuite(plan) {
	const size = vendors.sandboxSize('paymo', plan.rateListN);
	const host = await SandboxHost.start('rate', {
		seed: 1,
		size: { paymo: size },
		rateLimit: { paymo: RATE, rm: false, xurrent: false },
	});
	await host.call('seed', ['paymo']);
	const pairs = await host.call('freeCreateInputs', {
		vendor: 'paymo',
		count: plan.rateCreateItems,
	});
	const out = [];

	const listRuns = [];
	for (let rep = 0; rep < plan.rateListReps; rep++) {
		const r = await measure(
			host,
			{ kind: 'ours', vendor: 'paymo', mode: 'returnAll', n: plan.rateListN },
			{ lane: 'rate', reset: true },
		);
		const { pageSignature, ...rest } = r;
		const rate = r.error ? {} : rateOf(r);
		listRuns.push({ ...rest, ...rate });
		log(
			`  [rate] Paymo Return All ${plan.rateListN} rep ${rep + 1}: ` +
				(r.error
					? `ERROR ${r.error.split('\n')[0]}`
					: `${r.requests} requests, ${r.tooMany} × 429, ${rate.spanS.toFixed(1)} s, ${rate.percentOfAllowed?.toFixed(0)} % of allowed`),
		);
	}
	out.push(
		summariseRate(
			'returnAll',
			plan.rateListN,
			vendors.minRequests('paymo', { n: plan.rateListN }),
			listRuns,
		),
	);

	const parameters = {
		resource: 'assignment',
		operation: 'create',
		userId: '={{ $json.userId }}',
		taskId: '={{ $json.taskId }}',
	};
	const createRuns = [];
	for (let rep = 0; rep < plan.rateCreateReps; rep++) {
		const r = await measure(
			host,
			{ kind: 'ours', vendor: 'paymo', mode: 'create', parameters, items: pairs },
			{ lane: 'rate', reset: true },
		);
		const { pageSignature, ...rest } = r;
		const rate = r.error ? {} : rateOf(r);
		createRuns.push({ ...rest, ...rate });
		log(
			`  [rate] Paymo Create ${pairs.length} rep ${rep + 1}: ` +
				(r.error
					? `ERROR ${r.error.split('\n')[0]}`
					: `${r.requests} requests, ${r.tooMany} × 429, ${rate.spanS.toFixed(1)} s, ${rate.percentOfAllowed?.toFixed(0)} % of allowed, ${r.outputItems} outputs`),
		);
	}
	out.push(summariseRate('create', pairs.length, pairs.length, createRuns));
	await host.close();
	return out;
}

function summariseRate(operation, n, minRequests, runs) {
	const ok = runs.filter((r) => !r.error);
	return {
		type: 'rateLimited',
		vendor: 'paymo',
		operation,
		n,
		limit: RATE,
		minRequests,
		requests: summary(ok.map((r) => r.requests)),
		tooMany: summary(ok.map((r) => r.tooMany)),
		spanS: summary(ok.map((r) => r.spanS)),
		percentOfAllowed: summary(ok.map((r) => r.percentOfAllowed)),
		idealSpanS: summary(ok.map((r) => r.idealSpanS)),
		percentOfIdealSpan: summary(ok.map((r) => r.percentOfIdealSpan)),
		ms: summary(ok.map((r) => r.ms)),
		complete:
			ok.length === runs.length &&
			ok.every((r) => r.records === n && r.uniqueIds === n && !r.error),
		runs,
	};
}

// ---------------------------------------------------------------- targets

function evaluateTargets(results, plan) {
	const targets = [];
	const add = (target, scope, measured, pass, note) =>
		targets.push({ target, scope, measured, pass, note });
	for (const c of results.returnAll) {
		const max = c.stats.ours.requests?.max;
		add(
			'Requests = minimum',
			`Return All ${vendors.LABEL[c.vendor]} N=${c.n.toLocaleString('en-US')}`,
			`${max} vs ${c.minRequests}`,
			max === c.minRequests && c.oursComplete,
		);
	}
	for (const c of results.limits) {
		add(
			'Requests = minimum',
			`Limit ${c.limit} ${vendors.LABEL[c.vendor]}`,
			`${c.result.requests} vs ${c.minRequests}`,
			!c.result.error && c.result.requests === c.minRequests && c.result.records === c.limit,
		);
	}
	for (const c of results.rateLimited ?? []) {
		add(
			'Requests = minimum',
			`Rate-limited Paymo ${c.operation} ${c.n}`,
			`${c.requests?.max} vs ${c.minRequests}`,
			c.requests?.max === c.minRequests && c.complete,
		);
	}
	if (results.bulkCreate) {
		const c = results.bulkCreate;
		add(
			'Requests = minimum',
			`Bulk Create ${c.items} Smartsheet RM`,
			`${c.requests?.max} vs ${c.minRequests}`,
			c.requests?.max === c.minRequests,
		);
		add(
			'Every item exactly one output',
			`Bulk Create ${c.items} Smartsheet RM`,
			c.exactlyOnce ? 'yes' : 'no',
			c.exactlyOnce,
		);
	}
	for (const c of results.returnAll.filter((r) => r.n === plan.small)) {
		const m = c.ratioPlain?.median;
		add(
			'Wall ≤ 1.3 × plain loop',
			`${vendors.LABEL[c.vendor]} N=${c.n.toLocaleString('en-US')}`,
			m === undefined ? '—' : `${m.toFixed(2)} ×`,
			m !== undefined && m <= 1.3,
		);
	}
	for (const c of results.returnAll) {
		const m = c.ratioHttpNode?.median;
		add(
			'Never slower than HTTP Request node',
			`${vendors.LABEL[c.vendor]} N=${c.n.toLocaleString('en-US')}`,
			m === undefined
				? '—'
				: `${m.toFixed(2)} × (median; range ${c.ratioHttpNode.min.toFixed(2)}–${c.ratioHttpNode.max.toFixed(2)})`,
			m !== undefined && m <= 1,
		);
	}
	for (const c of results.returnAll.filter((r) => r.n === plan.large)) {
		const over = c.stats.ours.peakOverBaselineMb?.median;
		const budget = c.jsonBytes === undefined ? undefined : (3 * c.jsonBytes) / 1024 / 1024;
		add(
			'Peak memory ≤ 3 × JSON received',
			`${vendors.LABEL[c.vendor]} N=${c.n.toLocaleString('en-US')}`,
			over === undefined || budget === undefined
				? '—'
				: `+${over.toFixed(0)} MB vs ${budget.toFixed(0)} MB`,
			over !== undefined && budget !== undefined && over <= budget,
		);
	}
	for (const c of results.rateLimited ?? []) {
		const pct = c.percentOfAllowed?.min;
		const zero = c.tooMany?.max === 0;
		add(
			'≥ 90 % of allowed rate, zero 429s',
			`Paymo ${c.operation} ${c.n}`,
			pct === undefined ? '—' : `${pct.toFixed(0)} % (min), ${c.tooMany.max} × 429`,
			pct !== undefined && pct >= 90 && zero,
		);
	}
	for (const c of results.latency ?? []) {
		const m = c.ratioHttpNode?.median;
		const name = `${vendors.LABEL[c.vendor]} at ${c.latencyMs} ms`;
		const shown = m === undefined ? '—' : `${m.toFixed(2)} ×`;
		const whole = c.stats.ours.complete && c.stats.ours.tooMany?.max === 0;
		if (c.type === 'latencyCreate' && c.latencyMs > 0) {
			// The HTTP Request node sends every item at once; ours at its largest Concurrency.
			const max = c.ratioHttpNodeMax?.median;
			const wholeMax = c.stats.oursMax.complete && c.stats.oursMax.tooMany?.max === 0;
			add(
				'Bulk Create ≤ 1.5 × HTTP Request node (Concurrency 100)',
				`${name}, ${c.n} items`,
				max === undefined ? '—' : `${max.toFixed(2)} × (default Concurrency 10: ${shown})`,
				wholeMax && max <= 1.5,
			);
		}
		if (c.type === 'latencyReturnAll' && c.latencyMs > 0 && c.vendor === 'kantata')
			add(
				'Return All ≤ 0.3 × HTTP Request node',
				`${name}, N=${c.n.toLocaleString('en-US')}`,
				shown,
				whole && m <= 0.3,
			);
	}
	return targets;
}

function benchTimeTarget(report) {
	const minutes = report.totalSeconds / 60;
	return {
		target: '`npm run bench` under 10 minutes',
		scope: 'this run, n8n already installed',
		measured: `${minutes.toFixed(1)} min`,
		pass: report.totalSeconds < 600,
	};
}

// ---------------------------------------------------------------- environment

function environment() {
	const git = (args) => {
		try {
			return execFileSync('git', args, {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim();
		} catch {
			return undefined;
		}
	};
	const version = (name, from) => {
		try {
			return JSON.parse(
				fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [from] }), 'utf8'),
			).version;
		} catch {
			return undefined;
		}
	};
	const cpus = os.cpus();
	return {
		date: new Date().toISOString(),
		node: process.versions.node,
		cpus: cpus.length,
		cpuModel: cpus[0]?.model,
		totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
		platform: `${os.platform()} ${os.release()}`,
		gitCommit: git(['rev-parse', 'HEAD']),
		gitDirty: Boolean(git(['status', '--porcelain', '--', 'nodes', 'credentials', 'test/harness'])),
		n8nCore: version('n8n-core', ROOT),
		n8nWorkflow: version('n8n-workflow', ROOT),
		n8nNodesBase: version('n8n-nodes-base', path.dirname(N8N_NODES_BASE)),
		httpRequestNodeVersion: HTTP_NODE_VERSION,
	};
}

// ---------------------------------------------------------------- main

function compile() {
	fs.rmSync(BUILD, { recursive: true, force: true });
	const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
	execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.json')], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	// The harness keeps some modules in plain JavaScript (e.g. logs.js): tsc does not copy them.
	const harness = path.join(ROOT, 'test', 'harness');
	for (const file of fs.readdirSync(harness).filter((f) => f.endsWith('.js'))) {
		fs.copyFileSync(path.join(harness, file), path.join(BUILD, 'test', 'harness', file));
	}
}

const USAGE = `Usage: node bench/run.js [options]   (npm run bench -- [options])
  --quick              small sizes, one repetition, results in bench/tmp/ (for development)
  --serial             run the rate-limited cases after the others instead of alongside
  --vendors a,b        only these vendors (kantata,rm,xurrent,paymo)
  --reps-10k N         repetitions at the small size (default 9)
  --reps-100k N        repetitions at the large size (default 3)
  --reps-100k-paymo N  repetitions of Paymo at the large size (default 3)
  --skip-100k          no large-size cases
  --skip-rate          no rate-limited cases
  --skip-latency       no latency cases (Return All and Create, ours vs HTTP Request node)
  --latency-ms a,b     the sandbox's delay per answer in the latency cases (default 0,50)
  --out DIR            where to write latest.md/latest.json (default bench/results)
  --profile KINDS      CPU-profile the measured run of these workers (ours,plain,httpNode or all)
                       into bench/tmp/profiles (the profiler slows them: timings are then off)`;

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const plan = planFor(args);
	PROFILE = args.profile;
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (!(major > 22 || (major === 22 && minor >= 20)))
		throw new Error(
			`Node ${process.versions.node} is too old: run through \`npm run bench\` (Node 24).`,
		);

	const { cacheDir } = await n8n.ensureN8n({ log });
	N8N_NODES_BASE = path.join(cacheDir, 'node_modules', 'n8n-nodes-base');
	log('› compiling the nodes and the engine harness (bench/.build)');
	compile();
	// What was compiled: later edits to the tree must not relabel these results.
	const compiledFrom = environment();
	fs.mkdirSync(TMP, { recursive: true });

	const results = {
		returnAll: [],
		limits: [],
		bulkCreate: undefined,
		rateLimited: undefined,
		latency: [],
		timings: {},
	};
	const phase = async (name, fn) => {
		const t = Date.now();
		const value = await fn();
		results.timings[name] = Math.round((Date.now() - t) / 1000);
		return value;
	};

	const rateLane = async () => {
		if (args.skipRate || !args.vendors.includes('paymo')) return;
		log('› rate-limited Paymo (5 requests / 5 s)');
		results.rateLimited = await phase('rateLimited', () => rateSuite(plan));
	};

	const mainLane = async () => {
		const sizes = (n) =>
			Object.fromEntries(vendors.VENDORS.map((v) => [v, vendors.sandboxSize(v, n)]));
		await phase(`returnAll${plan.small}`, async () => {
			log(`› sandbox with N=${plan.small.toLocaleString('en-US')} per list`);
			const host = await SandboxHost.start('small', {
				seed: 1,
				size: sizes(plan.small),
				rateLimit: UNLIMITED,
			});
			await host.call('seed', args.vendors);
			log(`› Return All N=${plan.small.toLocaleString('en-US')} × ${plan.reps10k}`);
			results.returnAll.push(
				...(await returnAllSuite(host, plan, args, plan.small, () => plan.reps10k)),
			);
			log('› Limit = 50, 250, 1,500');
			results.limits = await limitSuite(host, plan, args);
			await host.close();
		});
		if (args.vendors.includes('rm')) {
			log(`› bulk Create of ${plan.createItems} (Smartsheet RM) × ${plan.createReps}`);
			results.bulkCreate = await phase('bulkCreate', () => bulkCreateSuite(plan));
		}
		if (!args.skipLatency) {
			results.latency = await phase('latency', () =>
				latencySuite({ measure, SandboxHost, log, args, plan, rateLimit: UNLIMITED }),
			);
		}
		if (!args.skip100k) {
			await phase(`returnAll${plan.large}`, async () => {
				log(`› sandbox with N=${plan.large.toLocaleString('en-US')} per list (seeding)`);
				const host = await SandboxHost.start('large', {
					seed: 1,
					size: sizes(plan.large),
					rateLimit: UNLIMITED,
				});
				const seeded = await host.call('seed', args.vendors);
				log(`  seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
				log(
					`› Return All N=${plan.large.toLocaleString('en-US')} × ${plan.reps100k} (Paymo × ${plan.reps100kPaymo})`,
				);
				const reps = (vendor) => (vendor === 'paymo' ? plan.reps100kPaymo : plan.reps100k);
				results.returnAll.push(...(await returnAllSuite(host, plan, args, plan.large, reps)));
				await host.close();
			});
		}
	};

	if (args.serial) {
		await mainLane();
		await rateLane();
	} else {
		await Promise.all([mainLane(), rateLane()]);
	}

	const totalS = Math.round((Date.now() - started) / 1000);
	const report = {
		issue: 8,
		engine:
			'in-process: n8n-core WorkflowExecute (the jest engine harness test/harness/run.ts, compiled to bench/.build), not a running n8n server',
		environment: compiledFrom,
		plan: { ...plan, serial: args.serial, vendors: args.vendors },
		totalSeconds: totalS,
		results,
	};
	report.targets = [...evaluateTargets(results, plan), benchTimeTarget(report)];
	const errors = countErrors(results);
	// A run with failed measurements must not replace the published results.
	const outDir = errors ? TMP : (args.out ?? (args.quick ? TMP : path.join(__dirname, 'results')));
	const name = errors ? 'failed' : args.quick ? 'quick' : 'latest';
	fs.mkdirSync(outDir, { recursive: true });
	fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(report, null, '\t')}\n`);
	fs.writeFileSync(path.join(outDir, `${name}.md`), renderMarkdown(report, `${name}.json`));
	log(
		`› wrote ${path.relative(ROOT, path.join(outDir, `${name}.md`))} and .json — total ${totalS} s`,
	);
	const failed = report.targets.filter((t) => !t.pass);
	log(`› targets: ${report.targets.length - failed.length} met, ${failed.length} missed`);
	for (const t of failed) log(`  missed: ${t.target} — ${t.scope}: ${t.measured}`);
	if (errors) {
		log(
			`› ${errors} measurement(s) failed (see the log above): results written to ${path.relative(ROOT, outDir)}/failed.*`,
		);
		process.exitCode = 1;
	}
}

/** Measurements that did not complete. */
function countErrors(results) {
	const runs = [
		...results.returnAll.flatMap((c) => c.runs.flatMap((run) => KINDS.map((kind) => run[kind]))),
		...results.limits.map((c) => c.result),
		...(results.bulkCreate?.runs ?? []),
		...(results.rateLimited ?? []).flatMap((c) => c.runs),
		...results.latency.flatMap((c) =>
			c.runs.flatMap((run) => [
				run.ours,
				run.httpNode,
				...(c.type === 'latencyCreate' ? [run.oursMax] : []),
			]),
		),
	];
	return runs.filter((r) => !r || r.error).length;
}

main().catch((error) => {
	console.error(error.stack ?? String(error));
	process.exit(1);
});

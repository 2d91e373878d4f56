'use strict';
// The latency dimension (issue #20): the same cases at 0 ms and at a fixed delay per answer (the
// sandbox's latencyMs), where the cost of sequential requests shows. Per vendor: Return All of N
// and a bulk Create, this package's node against n8n's HTTP Request node, interleaved per
// repetition, with request counts, 429 counts and peak memory.

const vendors = require('./vendors');
const { summary } = require('./stats');
const { oursCreateParameters, httpNodeCreateParameters } = require('./creates');

const KINDS = ['ours', 'httpNode'];
/** Bulk Create also at the largest Concurrency, the closest to the HTTP Request node's all-at-once. */
const CREATE_KINDS = ['ours', 'oursMax', 'httpNode'];
const MAX_CONCURRENCY = 100;

const brief = (r) =>
	r.error
		? `ERROR ${r.error.split('\n')[0]}`
		: `${r.ms.toFixed(0)} ms, ${r.requests} requests, ${r.tooMany} × 429, ${r.outputItems} items, peak ${r.peakRssMb} MB`;

/** Runs every latency case; `measure` and `SandboxHost` are run.js's. */
async function latencySuite({ measure, SandboxHost, log, args, plan, rateLimit }) {
	const results = [];
	const sizes = Object.fromEntries(
		vendors.VENDORS.map((v) => [v, vendors.sandboxSize(v, plan.latencyN)]),
	);
	for (const latencyMs of plan.latencies) {
		log(`› latency ${latencyMs} ms: Return All ${plan.latencyN} and Create ${plan.latencyCreate}`);
		const host = await SandboxHost.start(`latency-${latencyMs}`, {
			seed: 1,
			size: sizes,
			rateLimit,
			latencyMs,
		});
		await host.call('seed', args.vendors);
		for (const vendor of args.vendors) {
			// One more than measured: the warm-up creates its own, so the measured items stay free
			// (the sandbox is reset between warm-up and measurement, not before the warm-up).
			const [warmUp, ...inputs] = await host.call('freeCreateInputs', {
				vendor,
				count: plan.latencyCreate + 1,
			});
			const list = { type: 'latencyReturnAll', vendor, latencyMs, n: plan.latencyN, runs: [] };
			const create = { type: 'latencyCreate', vendor, latencyMs, n: inputs.length, runs: [] };
			for (let rep = 0; rep < plan.latencyReps; rep++) {
				const order = rep % 2 ? [...KINDS].reverse() : KINDS;
				const listRun = {};
				const createRun = {};
				for (const kind of order) {
					// Reset: the creates before must not add to the list.
					listRun[kind] = await measure(
						host,
						{ kind, vendor, mode: 'returnAll', n: plan.latencyN },
						{ reset: true },
					);
					log(
						`  ${vendors.LABEL[vendor]} ${latencyMs} ms Return All ${kind}: ${brief(listRun[kind])}`,
					);
				}
				for (const kind of rep % 2 ? [...CREATE_KINDS].reverse() : CREATE_KINDS) {
					const parameters =
						kind === 'httpNode'
							? httpNodeCreateParameters(vendor, host.vendors)
							: oursCreateParameters(vendor, kind === 'oursMax' ? MAX_CONCURRENCY : undefined);
					createRun[kind] = await measure(
						host,
						{
							kind: kind === 'oursMax' ? 'ours' : kind,
							vendor,
							mode: 'create',
							parameters,
							items: inputs,
							warmUpItems: [warmUp],
						},
						{ reset: true },
					);
					log(
						`  ${vendors.LABEL[vendor]} ${latencyMs} ms Create ${kind}: ${brief(createRun[kind])}`,
					);
				}
				list.runs.push(listRun);
				create.runs.push(createRun);
			}
			results.push(summarise(list), summarise(create));
		}
		await host.close();
	}
	return results;
}

function summarise(entry) {
	const ok = (kind) => entry.runs.map((run) => run[kind]).filter((r) => r && !r.error);
	const kinds = entry.type === 'latencyCreate' ? CREATE_KINDS : KINDS;
	const stats = {};
	for (const kind of kinds) {
		const runs = ok(kind);
		stats[kind] = {
			ms: summary(runs.map((r) => r.ms)),
			requests: summary(runs.map((r) => r.requests)),
			tooMany: summary(runs.map((r) => r.tooMany)),
			peakRssMb: summary(runs.map((r) => r.peakRssMb)),
			complete: runs.length === entry.runs.length && runs.every((r) => complete(entry, kind, r)),
			errors: entry.runs.map((run) => run[kind]?.error).filter(Boolean),
		};
	}
	const ratio = (kind) =>
		summary(
			entry.runs.map((run) =>
				run[kind] && run.httpNode && !run[kind].error && !run.httpNode.error
					? run[kind].ms / run.httpNode.ms
					: undefined,
			),
		);
	const runs = entry.runs.map((run) =>
		Object.fromEntries(
			kinds.map((kind) => {
				const { pageSignature, ...rest } = run[kind] ?? {};
				return [kind, rest];
			}),
		),
	);
	return {
		...entry,
		stats,
		ratioHttpNode: ratio('ours'),
		ratioHttpNodeMax: entry.type === 'latencyCreate' ? ratio('oursMax') : undefined,
		runs,
	};
}

/** Every record once (Return All), or one created record per input item and no error (Create). */
function complete(entry, kind, r) {
	if (entry.type === 'latencyReturnAll') return r.records === entry.n && r.uniqueIds === entry.n;
	if (kind === 'httpNode') return r.outputItems === entry.n && r.errorItems === 0;
	// ours and oursMax
	return (
		r.outputItems === entry.n &&
		r.uniqueIds === entry.n &&
		r.missingInputs === 0 &&
		r.doubledInputs === 0 &&
		r.errorItems === 0
	);
}

module.exports = { latencySuite, MAX_CONCURRENCY };

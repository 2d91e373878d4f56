#!/usr/bin/env node
'use strict';
// End-to-end suite in a real n8n: packs the built package, installs it into a pinned n8n in a
// temporary user folder, starts the vendor sandbox, imports credentials pointed at it and the
// workflows of test/e2e/workflows/, runs each with `n8n execute`, and checks the node outputs and
// the sandbox's request log with the cases of test/e2e/<workflow>.e2e.js.
//
// Adding a vendor: drop in test/e2e/workflows/<name>.json (with a fixed "id"; its nodes name
// their credential by type, id and name) and test/e2e/<name>.e2e.js exporting
//   { sandbox?: { size: { <vendor>: N } }, prepare?(sandbox) → prepared,
//     cases: { '<title>'({ output(nodeName), node(nodeName), requests, sandbox, prepared, run }) {…} } }
// (cases throw on failure, e.g. with node:assert), and make sure scripts/lib/credentials.js has
// sandbox data for the credential type.
//
// Usage: node scripts/e2e.js [--only NAME] [--keep] [--package VENDOR]…   (after `npm run build`,
//        on Node >= 22.20). --package installs that vendor's tarball of `npm run build:packages`
//        (.packages/, e.g. --package paymo) instead of the umbrella package, and runs that
//        vendor's workflows with their node types renamed to its package; repeat it to install
//        several vendor packages side by side (scripts/e2e-packages.js runs them all).
// Env:   N8N_CACHE_DIR  where n8n 2.41.1 is (or gets) installed
//        E2E_KEEP=1     keep the temporary folder (n8n output, user folder)

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const lib = require('./lib/n8n');
const { SANDBOX_CREDENTIALS, sandboxSecrets, workflowCredentials } = require('./lib/credentials');
const { createSandbox } = require('../sandbox/server');
const packages = require('./lib/packages');

const E2E_DIR = path.join(lib.ROOT, 'test', 'e2e');
const WORKFLOW_DIR = path.join(E2E_DIR, 'workflows');

/**
 * Credential data per credential type, pointed at the sandbox (scripts/lib/credentials.js). A
 * workflow names its credential by type, ID and name; the runner imports it under that ID and
 * name with this data. A new vendor needs an entry there.
 */
const CREDENTIALS = SANDBOX_CREDENTIALS;

const log = (line) => console.log(line);

function parseArgs(argv) {
	const args = { only: undefined, keep: process.env.E2E_KEEP === '1', packages: [] };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--only') args.only = argv[++i];
		else if (argv[i] === '--keep') args.keep = true;
		else if (argv[i] === '--package') args.packages.push(vendorOf(argv[++i]));
		else throw new Error(`unknown option ${argv[i]}`);
	}
	return args;
}

/** The vendor of a --package argument: its key (paymo) or package name (n8n-nodes-paymo). */
function vendorOf(value) {
	const vendor = packages.VENDORS.find((v) => v.key === value || v.name === value);
	if (!vendor)
		throw new Error(
			`--package ${value}: not a vendor package (${packages.VENDORS.map((v) => v.key).join(', ')})`,
		);
	return vendor;
}

/** The tarball `npm run build:packages` left for a vendor package; fails clearly without it. */
function vendorTarball(vendor) {
	const tarball = path.join(packages.OUT_DIR, `${vendor.name}-${packages.UMBRELLA.version}.tgz`);
	if (!fs.existsSync(tarball))
		throw new Error(
			`${path.relative(lib.ROOT, tarball)} is missing: run \`npm run build:packages\` first`,
		);
	return tarball;
}

/**
 * A workflow written for the umbrella package, for a vendor package: its node types are
 * `<package name>.<node name>`, so `n8n-nodes-assignments.paymo` becomes `n8n-nodes-paymo.paymo`.
 */
function forPackage(workflow, vendor) {
	const prefix = `${packages.UMBRELLA.name}.`;
	const nodes = workflow.nodes.map((node) =>
		node.type.startsWith(prefix)
			? { ...node, type: `${vendor.name}.${node.type.slice(prefix.length)}` }
			: node,
	);
	return { ...workflow, nodes };
}

/**
 * Workflow JSON + assertion module pairs: workflows/<name>.json ↔ <name>.e2e.js. With vendor
 * packages, only their vendors' workflows, for their packages.
 */
function discover(only, vendors = []) {
	const suites = [];
	for (const file of fs
		.readdirSync(WORKFLOW_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const name = path.basename(file, '.json');
		if (only && name !== only) continue;
		const vendor = vendors.find((v) => v.key === name);
		if (vendors.length && !vendor) continue;
		const modulePath = path.join(E2E_DIR, `${name}.e2e.js`);
		if (!fs.existsSync(modulePath))
			throw new Error(`${file} has no assertion module test/e2e/${name}.e2e.js`);
		const workflow = JSON.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8'));
		if (!workflow.id) throw new Error(`${file} needs an "id" (n8n execute runs workflows by ID)`);
		suites.push({
			name,
			file,
			workflow: vendor ? forPackage(workflow, vendor) : workflow,
			spec: require(modulePath),
		});
	}
	if (only && suites.length === 0) throw new Error(`no workflow named ${only}`);
	return suites;
}

/** Sandbox options of all suites merged (sizes per vendor). */
function sandboxOptions(suites) {
	const options = { seed: 'e2e', size: {} };
	for (const { spec } of suites) {
		const own = spec.sandbox ?? {};
		Object.assign(options.size, own.size ?? {});
		for (const [key, value] of Object.entries(own)) if (key !== 'size') options[key] = value;
	}
	return options;
}

/**
 * The run JSON `n8n execute` prints through its logger after "Execution was (NOT) successful:"
 * and a line of "=". Found by scanning one balanced JSON value, so log lines after it do no harm.
 */
function parseRun(output) {
	const marker = /Execution was (NOT )?successful:?/.exec(output);
	if (!marker) return { error: 'n8n printed no execution result' };
	const start = output.indexOf('{', marker.index);
	if (start === -1) return { error: 'n8n printed no run data', successful: !marker[1] };
	let depth = 0;
	let inString = false;
	for (let i = start; i < output.length; i++) {
		const c = output[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) {
				try {
					return { successful: !marker[1], run: JSON.parse(output.slice(start, i + 1)) };
				} catch (error) {
					return { error: `run data is not JSON: ${error.message}` };
				}
			}
		}
	}
	return { error: 'run data was cut off' };
}

/** Helpers the assertion cases get. */
function caseContext(run, requests, sandbox, prepared) {
	const runData = run.data?.resultData?.runData ?? {};
	const lastRun = (name) => {
		const runs = runData[name];
		if (!runs?.length) throw new Error(`node "${name}" did not run`);
		return runs[runs.length - 1];
	};
	return {
		run,
		sandbox,
		prepared,
		requests,
		/** The JSON of every item the node output on its first output, in order. */
		output: (name) => (lastRun(name).data?.main?.[0] ?? []).map((item) => item.json),
		node: lastRun,
	};
}

function errorOf(run) {
	const error = run?.data?.resultData?.error;
	if (!error) return undefined;
	return `${error.node?.name ? `${error.node.name}: ` : ''}${error.message}${error.description ? ` — ${error.description}` : ''}`;
}

async function runSuite(suite, env) {
	const { sandbox, cacheDir, tmp } = env;
	const results = [];
	// Every workflow starts from the seeded data with fresh rate-limit windows.
	sandbox.reset();
	const prepared = suite.spec.prepare ? await suite.spec.prepare(sandbox) : undefined;
	sandbox.clearRequests();
	const outputFile = path.join(tmp, `${suite.name}.out.txt`);
	log(`› executing ${suite.file} (workflow ${suite.workflow.id})`);
	const execution = await lib.n8n(cacheDir, ['execute', `--id=${suite.workflow.id}`], {
		env: env.n8nEnv,
		outputFile,
		log,
	});
	const requests = sandbox.requests.slice();
	const parsed = parseRun(execution.output);
	const leaked = sandboxSecrets(sandbox).filter((secret) => execution.output.includes(secret));
	log(
		`  n8n execute: exit ${execution.code}, ${lib.seconds(execution.ms)}, ${requests.length} sandbox requests`,
	);
	const problem =
		parsed.error ??
		(parsed.successful && parsed.run.status !== 'error'
			? undefined
			: `execution failed: ${errorOf(parsed.run) ?? 'see output'}`);
	results.push({
		label: `${suite.name} › no credential secret in n8n's output, run data, errors or log lines`,
		ok: leaked.length === 0,
		error: new Error(`${leaked.length} secret(s) found in ${outputFile}`),
	});
	log(`  ${leaked.length === 0 ? '✓' : '✗'} no credential secret in n8n's output`);
	for (const [title, check] of Object.entries(suite.spec.cases)) {
		const label = `${suite.name} › ${title}`;
		try {
			if (problem) throw new Error(problem);
			await check(caseContext(parsed.run, requests, sandbox, prepared));
			results.push({ label, ok: true });
			log(`  ✓ ${title}`);
		} catch (error) {
			results.push({ label, ok: false, error });
			log(`  ✗ ${title}\n    ${String(error.message).split('\n').join('\n    ')}`);
		}
	}
	if (problem)
		log(
			`  n8n output (last 40 lines of ${outputFile}):\n${execution.output.split('\n').slice(-40).join('\n')}`,
		);
	return results;
}

/** One e2e run (a fresh user folder and n8n database); returns { passed, failed, timings }. */
async function main(argv = process.argv.slice(2)) {
	const started = Date.now();
	let args;
	let suites;
	let tarballs;
	try {
		args = parseArgs(argv);
		lib.checkNode();
		suites = discover(args.only, args.packages);
		tarballs = args.packages.map(vendorTarball);
	} catch (error) {
		// A set-up problem (old Node, a workflow without its cases) fails the run before installing.
		log(`✗ ${error.message}`);
		log('e2e: 0 passed, 1 failed');
		process.exitCode = 1;
		return { passed: 0, failed: 1, timings: {} };
	}
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	const timings = {};
	let sandbox;
	let failed = 0;
	let passed = 0;
	try {
		if (!tarballs.length) {
			log(`› packing the package (dist/ from \`npm run build\`)`);
			const { tarball, files } = lib.packPackage(tmp);
			log(`  ${path.basename(tarball)}, ${files} files`);
			tarballs.push(tarball);
		}
		const installStarted = Date.now();
		const { cacheDir, ms: n8nMs, installed } = await lib.ensureN8n({ log });
		const userFolder = path.join(tmp, 'user');
		for (const tarball of tarballs) {
			const pkg = await lib.installPackage({ userFolder, tarball, log });
			log(
				`› installed ${path.basename(tarball)} into ${pkg.nodesDir} (n8n ${installed ? 'installed' : 'cached'} ${lib.seconds(n8nMs)}, package ${lib.seconds(pkg.ms)})`,
			);
		}
		timings.install = Date.now() - installStarted;

		sandbox = await createSandbox(sandboxOptions(suites));
		log(`› sandbox on ${sandbox.url}`);
		const n8nEnv = lib.n8nEnv({ userFolder, brokerPort: await lib.freePort() });

		const credentialsFile = path.join(tmp, 'credentials.json');
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify(workflowCredentials(suites, sandbox.vendors), null, 2),
		);
		log('› importing credentials (first n8n command: creates the database)');
		const first = await lib.n8n(cacheDir, ['import:credentials', `--input=${credentialsFile}`], {
			env: n8nEnv,
			outputFile: path.join(tmp, 'import-credentials.txt'),
			log,
		});
		timings.firstCommand = first.ms;
		if (first.code !== 0)
			throw new Error(`import:credentials failed:\n${first.output.slice(-2000)}`);

		const workflowDir = path.join(tmp, 'workflows');
		fs.mkdirSync(workflowDir);
		for (const suite of suites)
			fs.writeFileSync(path.join(workflowDir, suite.file), JSON.stringify(suite.workflow));
		const imported = await lib.n8n(
			cacheDir,
			['import:workflow', '--separate', `--input=${workflowDir}`],
			{ env: n8nEnv, outputFile: path.join(tmp, 'import-workflows.txt'), log },
		);
		if (imported.code !== 0)
			throw new Error(`import:workflow failed:\n${imported.output.slice(-2000)}`);
		log(`› imported ${suites.length} workflow(s) in ${lib.seconds(imported.ms)}`);

		for (const suite of suites) {
			const results = await runSuite(suite, { sandbox, cacheDir, tmp, n8nEnv });
			passed += results.filter((r) => r.ok).length;
			failed += results.filter((r) => !r.ok).length;
		}
	} catch (error) {
		failed += 1;
		log(`✗ ${error.message}`);
	} finally {
		await sandbox?.close();
		if (failed === 0 && !args.keep) fs.rmSync(tmp, { recursive: true, force: true });
		else log(`› kept ${tmp}`);
	}
	timings.total = Date.now() - started;
	const fmt = (ms) => (ms === undefined ? 'n/a' : lib.seconds(ms));
	log(
		`e2e timings: install ${fmt(timings.install)}, first n8n command ${fmt(timings.firstCommand)}, whole run ${fmt(timings.total)}`,
	);
	log(`e2e: ${passed} passed, ${failed} failed`);
	if (failed > 0 || passed === 0) process.exitCode = 1;
	return { passed, failed, timings };
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}

module.exports = { main, parseRun, forPackage, CREDENTIALS };

#!/usr/bin/env node
'use strict';
// The vendor packages in a real n8n: builds the tarballs (`npm run build:packages` without its
// lint, from the current dist/), then runs scripts/e2e.js once per vendor package, each
// installed alone into a fresh n8n user folder with only its vendor's workflows, and once with
// two vendor packages installed side by side (both vendors' workflows in one n8n). The umbrella
// package keeps its own run (`npm run test:e2e`).
//
// Usage: node scripts/e2e-packages.js [--no-build] [--package VENDOR]…   (after `npm run build`)
//        --package limits the single-package runs (and skips the side-by-side run).

const path = require('node:path');

const e2e = require('./e2e');
const { buildPackages } = require('./build-packages');
const { VENDORS } = require('./lib/packages');
const { seconds } = require('./lib/n8n');

/** The side-by-side run: two vendor packages in one n8n user folder. */
const SIDE_BY_SIDE = ['kantataOx', 'paymo'];

async function main() {
	const started = Date.now();
	const argv = process.argv.slice(2);
	const only = [];
	let build = true;
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--no-build') build = false;
		else if (argv[i] === '--package') only.push(argv[++i]);
		else throw new Error(`unknown option ${argv[i]}`);
	}
	if (build) {
		const packed = await buildPackages({ build: false, lint: false });
		const broken = packed.filter(({ problems }) => problems.length);
		if (broken.length) throw new Error(`build:packages failed for ${broken.map((p) => p.name)}`);
	}
	const runs = VENDORS.filter(
		(v) => !only.length || only.includes(v.key) || only.includes(v.name),
	).map((vendor) => ({ label: vendor.name, argv: ['--package', vendor.key] }));
	if (!only.length)
		runs.push({
			label: `side by side: ${SIDE_BY_SIDE.join(' + ')}`,
			argv: SIDE_BY_SIDE.flatMap((key) => ['--package', key]),
		});
	const results = [];
	for (const run of runs) {
		console.log(`\n══ ${run.label}`);
		const runStarted = Date.now();
		const { passed, failed } = await e2e.main(run.argv);
		results.push({ ...run, passed, failed, ms: Date.now() - runStarted });
	}
	console.log('\ne2e packages:');
	for (const { label, passed, failed, ms } of results)
		console.log(
			`  ${failed || !passed ? '✗' : '✓'} ${label}: ${passed} passed, ${failed} failed, ${seconds(ms)}`,
		);
	const failed = results.filter((r) => r.failed || !r.passed).length;
	console.log(
		`e2e packages: ${results.length - failed} of ${results.length} runs passed in ${seconds(Date.now() - started)} (${path.basename(__filename)})`,
	);
	if (failed) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});

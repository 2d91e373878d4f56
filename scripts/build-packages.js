#!/usr/bin/env node
'use strict';
// `npm run build:packages`: the umbrella package and one package per vendor, packed and checked.
// Builds dist/ once (`npm run build`, skipped with --no-build when dist/ is current), assembles
// .packages/<name>/ per vendor (scripts/lib/assemble.js), packs the five tarballs into
// .packages/, and checks each tarball: its file list (scripts/lib/packCheck.js, as for the
// umbrella) and the lint of n8n's community-package scanner on its unpacked contents
// (scripts/lib/scanLint.js). Prints name, files and size per tarball; exits 1 on any problem.
//
// Usage: node scripts/build-packages.js [--no-build] [--no-lint]

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, OUT_DIR, VENDORS } = require('./lib/packages');
const { assemble } = require('./lib/assemble');
const { packAndCheck } = require('./lib/packCheck');
const { scanLint } = require('./lib/scanLint');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** Unpacks a tarball into a temporary folder (as npm would install it) and lints it. */
async function lintTarball(tarball) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-lint-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
		return await scanLint(dir);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Builds, assembles, packs and checks; returns [{ name, tarball, files, size, problems }]. */
async function buildPackages({ build = true, lint = true, log = console.log } = {}) {
	const started = Date.now();
	if (build) {
		log('› npm run build');
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	}
	fs.rmSync(OUT_DIR, { recursive: true, force: true });
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const folders = [ROOT];
	for (const vendor of VENDORS) folders.push(assemble(vendor, OUT_DIR).dir);
	const packed = [];
	for (const dir of folders) {
		const result = packAndCheck(dir, { destination: OUT_DIR });
		if (lint) {
			const { files, errors, warnings, report } = await lintTarball(result.tarball);
			result.lint = { files, errors, warnings };
			if (errors) result.problems.push(`scanner lint: ${errors} error(s)\n${report}`);
		}
		packed.push(result);
	}
	for (const { name, tarball, files, size, lint: linted, problems } of packed) {
		const lintText = linted ? `, scanner lint ${linted.files} files ${linted.errors} errors ${linted.warnings} warnings` : '';
		log(
			`${problems.length ? '✗' : '✓'} ${path.relative(ROOT, tarball)}: ${name}, ${files.length} files, ${kb(size)}${lintText}`,
		);
		for (const problem of problems) log(`    ${problem}`);
	}
	log(`build:packages: ${packed.length} tarballs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return packed;
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const unknown = args.filter((arg) => !['--no-build', '--no-lint'].includes(arg));
	if (unknown.length) {
		console.error(`unknown option ${unknown.join(' ')}`);
		process.exit(2);
	}
	buildPackages({ build: !args.includes('--no-build'), lint: !args.includes('--no-lint') })
		.then((packed) => {
			if (packed.some(({ problems }) => problems.length)) process.exitCode = 1;
		})
		.catch((error) => {
			console.error(error.message);
			process.exitCode = 1;
		});
}

module.exports = { buildPackages };

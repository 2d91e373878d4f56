#!/usr/bin/env node
'use strict';
// `npm run build:packages`: the umbrella package and one package per vendor, packed and checked.
// Builds dist/ once (`npm run build`, skipped with --no-build when dist/ is current), assembles
// each vendor package in a temporary folder (scripts/lib/assemble.js), packs the five tarballs
// into .packages/, and checks each tarball: its file list (scripts/lib/packCheck.js, as for the
// umbrella), that no other vendor is named in it, and the lint of n8n's community-package
// scanner on its unpacked contents (scripts/lib/scanLint.js). Writes the committed manifests
// packages/<name>/package.json (see packages.js); with --out it only checks that they are
// current. Prints name, files and size per tarball; exits 1 on any problem.
// (A package folder kept in the project would put a second package.json of the same name
// beside the committed one, which jest's module map reports as a collision.)
//
// Usage: node scripts/build-packages.js [--no-build] [--no-lint] [--out DIR]   (DIR: .packages)

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, OUT_DIR, VENDORS, manifestPath, otherVendorNames } = require('./lib/packages');
const { assemble } = require('./lib/assemble');
const { packAndCheck } = require('./lib/packCheck');
const { scanLint } = require('./lib/scanLint');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** Unpacks a tarball into a temporary folder (as npm would install it) for `check(dir)`. */
async function inTarball(tarball, check) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unpacked-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
		return await check(dir);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Every file of an unpacked package: { 'dist/…': text }. */
function readAll(dir, prefix = '') {
	const files = {};
	for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
		const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) Object.assign(files, readAll(dir, rel));
		else files[rel] = fs.readFileSync(path.join(dir, rel), 'utf8');
	}
	return files;
}

/**
 * The committed manifest of a vendor package: written when `write`, else compared. Returns the
 * problem, if any.
 */
function manifest(vendor, dir, write) {
	const file = manifestPath(vendor);
	const text = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
	if (write) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, text);
		return undefined;
	}
	if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return undefined;
	return `${path.relative(ROOT, file)} is not the package's package.json: run \`npm run build:packages\` and commit it`;
}

/** Builds, assembles, packs and checks; returns [{ name, tarball, files, size, problems }]. */
async function buildPackages({
	build = true,
	lint = true,
	outDir = OUT_DIR,
	writeManifests = outDir === OUT_DIR,
	log = console.log,
} = {}) {
	const started = Date.now();
	if (build) {
		log('› npm run build');
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	}
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packages-'));
	const folders = [{ dir: ROOT }];
	for (const vendor of VENDORS) folders.push({ vendor, dir: assemble(vendor, workDir).dir });
	const packed = [];
	for (const { vendor, dir } of folders) {
		const result = packAndCheck(dir, { destination: outDir });
		const stale = vendor && manifest(vendor, dir, writeManifests);
		if (stale) result.problems.push(stale);
		if (vendor)
			for (const leak of await inTarball(result.tarball, (unpacked) =>
				otherVendorNames(vendor, readAll(unpacked)),
			))
				result.problems.push(`names another vendor: ${leak}`);
		if (lint) {
			const { files, errors, warnings, report } = await inTarball(result.tarball, scanLint);
			result.lint = { files, errors, warnings };
			if (errors) result.problems.push(`scanner lint: ${errors} error(s)\n${report}`);
		}
		packed.push({ ...result, vendor });
	}
	fs.rmSync(workDir, { recursive: true, force: true });
	for (const { name, tarball, files, size, lint: linted, problems } of packed) {
		const lintText = linted
			? `, scanner lint ${linted.files} files ${linted.errors} errors ${linted.warnings} warnings`
			: '';
		log(
			`${problems.length ? '✗' : '✓'} ${path.relative(ROOT, tarball)}: ${name}, ${files.length} files, ${kb(size)}${lintText}`,
		);
		for (const problem of problems) log(`    ${problem}`);
	}
	log(
		`build:packages: ${packed.length} tarballs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
	return packed;
}

if (require.main === module) {
	const options = { build: true, lint: true };
	const args = process.argv.slice(2);
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--no-build') options.build = false;
		else if (args[i] === '--no-lint') options.lint = false;
		else if (args[i] === '--out') options.outDir = path.resolve(args[++i]);
		else {
			console.error(`unknown option ${args[i]}`);
			process.exit(2);
		}
	}
	buildPackages(options)
		.then((packed) => {
			if (packed.some(({ problems }) => problems.length)) process.exitCode = 1;
		})
		.catch((error) => {
			console.error(error.message);
			process.exitCode = 1;
		});
}

module.exports = { buildPackages, inTarball, readAll };

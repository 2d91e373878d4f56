'use strict';
// What an npm tarball of ours may hold, for the umbrella package and every vendor package alike:
// the compiled nodes and credentials, their icons, README, LICENSE, CHANGELOG and package.json,
// every node and credential the n8n block lists (each node with its codex file), and nothing
// else: no test file, and no source map (its .ts source is not in the package).

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const allowed = (file) =>
	/^dist\/(nodes|credentials|icons)\//.test(file) ||
	/^(README\.md|LICENSE\.md|CHANGELOG\.md|package\.json)$/.test(file);

/** Problems with a package's file list (paths inside the tarball) against its package.json. */
function packProblems(files, pkg) {
	const problems = [
		...files
			.filter((file) => !allowed(file))
			.map((file) => `unexpected file in the package: ${file}`),
		...files
			.filter((file) => /(^|\/)test\/|\.test\.[jt]s$/.test(file))
			.map((file) => `test file in the package: ${file}`),
		...files
			.filter((file) => file.endsWith('.map'))
			.map((file) => `source map in the package (its .ts source is not): ${file}`),
		...[...pkg.n8n.nodes, ...(pkg.n8n.credentials ?? [])]
			.filter((entry) => !files.includes(entry))
			.map((entry) => `listed in package.json but missing from the package: ${entry}`),
	];
	for (const node of pkg.n8n.nodes) {
		const codex = node.replace(/\.js$/, '.json');
		if (!files.includes(codex)) problems.push(`codex file missing: ${codex}`);
	}
	for (const file of ['README.md', 'LICENSE.md', 'package.json'])
		if (!files.includes(file)) problems.push(`${file} missing from the package`);
	return problems;
}

/**
 * `npm pack` of the package folder `dir` (a dry run unless `destination` is given) and its check.
 * Returns { name, files, size, tarball?, problems }.
 */
function packAndCheck(dir, { destination } = {}) {
	const args = destination
		? ['pack', '--json', '--pack-destination', destination]
		: ['pack', '--dry-run', '--json'];
	const [report] = JSON.parse(
		execFileSync('npm', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
	);
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const files = report.files.map((file) => file.path);
	return {
		name: pkg.name,
		version: pkg.version,
		files,
		size: report.size,
		tarball: destination ? path.join(destination, report.filename) : undefined,
		problems: packProblems(files, pkg),
	};
}

module.exports = { packProblems, packAndCheck };

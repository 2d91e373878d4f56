'use strict';
// Assembles one vendor package folder from the umbrella's compiled dist/: the files its entry
// points reach (packages.js requireGraph), each codex naming the vendor package, package.json,
// README.md and CHANGELOG.md generated from the umbrella's, and LICENSE.md.

const fs = require('node:fs');
const path = require('node:path');

const { ROOT, UMBRELLA, VENDORS, entryPoints, requireGraph, packageJson } = require('./packages');
const { vendorReadme, vendorChangelog } = require('./packageDocs');

/** Modules n8n provides to community nodes (the scanner's allowed imports) that the graph may reach. */
const PROVIDED = new Set(['n8n-workflow', 'luxon', 'crypto', 'node:crypto']);

const write = (file, text) => {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
};

/** Writes `<workDir>/<vendor.name>/` afresh; returns the folder and the dist files it copied. */
function assemble(vendor, workDir) {
	const dir = path.join(workDir, vendor.name);
	fs.rmSync(dir, { recursive: true, force: true });
	const { nodes, credentials } = entryPoints(vendor);
	const { files, external } = requireGraph([...nodes, ...credentials]);
	const foreign = external.filter((module) => !PROVIDED.has(module));
	if (foreign.length)
		throw new Error(
			`${vendor.name} would require ${foreign.join(', ')}, which n8n does not provide`,
		);
	for (const file of files) {
		const target = path.join(dir, file);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (file.endsWith('.node.json')) {
			// The codex names the node type: <package name>.<node name>.
			const codex = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
			codex.node = codex.node.replace(`${UMBRELLA.name}.`, `${vendor.name}.`);
			write(target, `${JSON.stringify(codex, null, '\t')}\n`);
		} else fs.copyFileSync(path.join(ROOT, file), target);
	}
	const others = VENDORS.filter((other) => other !== vendor);
	const read = (name) => fs.readFileSync(path.join(ROOT, name), 'utf8');
	write(path.join(dir, 'package.json'), `${JSON.stringify(packageJson(vendor), null, '\t')}\n`);
	write(path.join(dir, 'README.md'), vendorReadme(read('README.md'), vendor, UMBRELLA));
	write(
		path.join(dir, 'CHANGELOG.md'),
		vendorChangelog(read('CHANGELOG.md'), vendor, others, UMBRELLA),
	);
	fs.copyFileSync(path.join(ROOT, 'LICENSE.md'), path.join(dir, 'LICENSE.md'));
	return { dir, files };
}

module.exports = { assemble };

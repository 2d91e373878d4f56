'use strict';
// The per-vendor npm packages built from this repository. n8n verifies a community package (and
// so offers it on n8n Cloud and in the editor's node panel) only if it integrates exactly one
// service, so each vendor also ships on its own; `n8n-nodes-assignments` stays the umbrella
// package with all four. Each vendor package holds its nodes, its credentials, their icons and
// exactly the compiled files of the shared layer its entry points require (see requireGraph).

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const UMBRELLA = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** Where build:packages writes the five tarballs (gitignored). */
const OUT_DIR = path.join(ROOT, '.packages');
/**
 * packages/<name>/package.json, committed: n8n's scanner finds a package's source in the GitHub
 * repository its npm provenance names by the package.json that carries the package's name (it
 * fails a package whose source it cannot locate), so each vendor package has its manifest there.
 */
const manifestPath = (vendor) => path.join(ROOT, 'packages', vendor.name, 'package.json');

/**
 * key: the vendor's e2e suite (test/e2e/<key>.e2e.js) and README marker (`<!-- package:<key> -->`);
 * dir: its folder under nodes/ (credentials/<dir>*.credentials.ts are its credentials);
 * column: its column/row label in README tables; names: what names the vendor anywhere (product
 * names, hosts, credential types), so that no other vendor's package may contain it.
 */
const VENDORS = [
	{
		key: 'kantataOx',
		dir: 'KantataOx',
		name: 'n8n-nodes-kantata-ox',
		label: 'Kantata OX',
		column: 'Kantata OX',
		keywords: ['kantata', 'mavenlink'],
		names: [/kantata/i, /mavenlink/i],
	},
	{
		key: 'smartsheetResourceManagement',
		dir: 'SmartsheetResourceManagement',
		name: 'n8n-nodes-smartsheet-rm',
		label: 'Smartsheet Resource Management',
		column: 'Smartsheet RM',
		keywords: ['smartsheet', 'resource-management', '10000ft'],
		names: [/smartsheet/i, /10,?000 ?ft/i, /resourceManagement/i],
	},
	{
		key: 'xurrent',
		dir: 'Xurrent',
		name: 'n8n-nodes-xurrent',
		label: 'Xurrent',
		column: 'Xurrent',
		keywords: ['xurrent', '4me'],
		names: [/xurrent/i, /\b4me\b/i],
	},
	{
		key: 'paymo',
		dir: 'Paymo',
		name: 'n8n-nodes-paymo',
		label: 'Paymo',
		column: 'Paymo',
		keywords: ['paymo', 'time-tracking'],
		names: [/paymo/i],
	},
];

/** The vendor's entry points: its nodes and credentials as the umbrella's n8n block lists them. */
function entryPoints(vendor) {
	const nodes = UMBRELLA.n8n.nodes.filter((file) => file.startsWith(`dist/nodes/${vendor.dir}/`));
	const credentials = UMBRELLA.n8n.credentials.filter((file) =>
		path.basename(file).startsWith(vendor.dir),
	);
	return { nodes, credentials };
}

/** A relative require resolved the way Node resolves it (file, .js, .json, folder index). */
function resolveRequire(fromFile, spec) {
	const base = path.resolve(path.dirname(fromFile), spec);
	const found = [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].find(
		(candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
	);
	if (!found)
		throw new Error(`${path.relative(ROOT, fromFile)} requires ${spec}, which is not built`);
	return found;
}

/**
 * Every file the entry points reach in the compiled dist/: relative requires, icon references
 * (`file:…`) and each node's codex file (n8n reads `<Node>.node.json` beside the node). Other
 * requires (n8n-workflow, node:crypto) are returned as `external` so the caller can check them.
 */
function requireGraph(entries) {
	const files = new Set();
	const external = new Set();
	const queue = entries.map((entry) => path.join(ROOT, entry));
	while (queue.length) {
		const file = queue.pop();
		if (files.has(file)) continue;
		if (!fs.existsSync(file))
			throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
		files.add(file);
		if (!file.endsWith('.js')) continue;
		if (file.endsWith('.node.js')) queue.push(file.replace(/\.js$/, '.json'));
		const code = fs.readFileSync(file, 'utf8');
		for (const [, spec] of code.matchAll(/require\("([^"]+)"\)/g)) {
			if (spec.startsWith('.')) queue.push(resolveRequire(file, spec));
			else external.add(spec);
		}
		for (const [, icon] of code.matchAll(/'file:([^']+)'/g))
			queue.push(path.resolve(path.dirname(file), icon));
	}
	return {
		files: [...files].map((file) => path.relative(ROOT, file).split(path.sep).join('/')).sort(),
		external: [...external].sort(),
	};
}

/** The vendor package's package.json: the umbrella's metadata and version, its own n8n block. */
function packageJson(vendor) {
	const { nodes, credentials } = entryPoints(vendor);
	return {
		name: vendor.name,
		version: UMBRELLA.version,
		description: `n8n nodes for Assignment operations in ${vendor.label}: a node and a trigger`,
		license: UMBRELLA.license,
		homepage: UMBRELLA.homepage,
		keywords: ['n8n-community-node-package', 'n8n', ...vendor.keywords, 'assignments'],
		author: UMBRELLA.author,
		repository: { ...UMBRELLA.repository, directory: `packages/${vendor.name}` },
		engines: UMBRELLA.engines,
		files: ['dist', 'CHANGELOG.md'],
		n8n: { n8nNodesApiVersion: 1, strict: true, credentials, nodes },
		peerDependencies: UMBRELLA.peerDependencies,
	};
}

/**
 * Where another vendor is named in a vendor package's files ({ path: text } of the unpacked
 * tarball): ["<path>: <what> (<vendor>)", …]. Empty for a package that holds only its vendor.
 */
function otherVendorNames(vendor, files) {
	const found = [];
	for (const other of VENDORS.filter((candidate) => candidate !== vendor)) {
		for (const [file, text] of Object.entries(files)) {
			for (const name of other.names) {
				const match = name.exec(file) ?? name.exec(text);
				if (match) found.push(`${file}: "${match[0]}" (${other.label})`);
			}
		}
	}
	return found;
}

module.exports = {
	ROOT,
	UMBRELLA,
	OUT_DIR,
	VENDORS,
	manifestPath,
	entryPoints,
	requireGraph,
	packageJson,
	otherVendorNames,
};

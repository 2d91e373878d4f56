// Fails unless the npm tarball holds exactly what users need: dist/, README, LICENSE, package.json,
// every node and credential listed in package.json, and no test file. Source maps are not shipped:
// a map whose TypeScript source is not in the package points users' debuggers at nothing.
const { execFileSync } = require('node:child_process');
const pkg = require('../package.json');

const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8' }));
const files = report.files.map((file) => file.path);
// Only the compiled nodes and credentials, their icons, and the files npm always includes.
const allowed = (file) =>
	/^dist\/(nodes|credentials|icons)\//.test(file) ||
	/^(README\.md|LICENSE\.md|package\.json)$/.test(file);
const problems = [
	...files.filter((file) => !allowed(file)).map((file) => `unexpected file in the package: ${file}`),
	...files.filter((file) => /(^|\/)test\/|\.test\.[jt]s$/.test(file)).map((file) => `test file in the package: ${file}`),
	...files.filter((file) => file.endsWith('.map')).map((file) => `source map in the package (its .ts source is not): ${file}`),
	...[...pkg.n8n.nodes, ...pkg.n8n.credentials]
		.filter((entry) => !files.includes(entry))
		.map((entry) => `listed in package.json but missing from the package: ${entry}`),
];
for (const node of pkg.n8n.nodes) {
	const codex = node.replace(/\.js$/, '.json');
	if (!files.includes(codex)) problems.push(`codex file missing: ${codex}`);
}
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`package ok: ${files.length} files, ${report.size} bytes packed`);

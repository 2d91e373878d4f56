// Fails unless the npm tarball holds exactly what users need (scripts/lib/packCheck.js): by
// default the umbrella package at the repository root; `node scripts/check-pack.js DIR…` checks
// other package folders (build:packages checks the vendor packages with the same function).
const path = require('node:path');
const { packAndCheck } = require('./lib/packCheck');

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [path.resolve(__dirname, '..')];
let failed = false;
for (const dir of dirs) {
	const { name, files, size, problems } = packAndCheck(dir);
	if (problems.length) {
		failed = true;
		console.error(`${name}:\n  ${problems.join('\n  ')}`);
	} else console.log(`package ok: ${name}, ${files.length} files, ${size} bytes packed`);
}
if (failed) process.exit(1);

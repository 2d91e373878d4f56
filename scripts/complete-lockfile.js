// The npm mirror these machines use lacks the other-platform builds of `unrs-resolver` (an
// optional native dependency of the lint toolchain), so `npm i` leaves them out of the lockfile
// and `npm ci` then tries to resolve each one, spending about 70 s per package on retries.
// Listing them with their platform constraints makes the lockfile complete: npm ci skips them
// on this platform without a request. Run after any `npm i`: `node scripts/complete-lockfile.js`.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const platform = (name) => {
	const [os, cpu, abi] = name.replace('@unrs/resolver-binding-', '').split('-');
	if (os === 'wasm32') return { cpu: ['wasm32'] };
	const arch = { eabi: 'arm', eabihf: 'arm', gnueabihf: 'arm', musleabihf: 'arm' }[abi] ?? cpu;
	const entry = { os: [os], cpu: [arch === 'arm' ? 'arm' : cpu] };
	if (abi?.startsWith('gnu')) entry.libc = ['glibc'];
	if (abi?.startsWith('musl')) entry.libc = ['musl'];
	if (os === 'win32') entry.cpu = [cpu === 'ia32' ? 'ia32' : cpu];
	return entry;
};

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		if (!name.startsWith('@unrs/resolver-binding-')) continue;
		const key = `${location ? `${location}/` : ''}node_modules/${name}`.replace(/^node_modules\/unrs-resolver\/node_modules\//, 'node_modules/');
		if (lock.packages[key]) continue;
		lock.packages[key] = { version, dev: true, license: 'MIT', optional: true, ...platform(name) };
		added++;
	}
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: ${added} platform-specific optional entries added`);

#!/usr/bin/env node
'use strict';
// Summarises a .cpuprofile written by `node bench/run.js --profile ours` (bench/tmp/profiles/):
// self time by function and by package/folder, and total (inclusive) time of the heaviest frames.
// Samples taken while the profiler itself was stopping are left out.
// Usage: node bench/profile-summary.js FILE.cpuprofile [--top N] [--callers FUNCTION]

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function area(url) {
	if (!url) return '(native/V8)';
	const file = url.replace(/^file:\/\//, '');
	const nm = file.lastIndexOf('node_modules/');
	if (nm >= 0) {
		const rest = file.slice(nm + 'node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (file.startsWith('node:')) return 'node:internal';
	const relative = path.relative(ROOT, file);
	if (relative.startsWith('..')) return file;
	return relative
		.replace(/^bench\/\.build\//, '')
		.split('/')
		.slice(0, 3)
		.join('/');
}

function main() {
	const [file, ...rest] = process.argv.slice(2);
	if (!file)
		throw new Error(
			'Usage: node bench/profile-summary.js FILE.cpuprofile [--top N] [--callers FUNCTION]',
		);
	const option = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
	const top = Number(option('--top') ?? 25);
	const callersOf = option('--callers');
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);

	// Self time per node from samples and time deltas.
	const stackHas = (id, name) => {
		for (let at = id; at !== undefined; at = parent.get(at))
			if (byId.get(at).callFrame.functionName === name) return true;
		return false;
	};
	const self = new Map();
	profile.samples.forEach((id, i) => {
		if (stackHas(id, 'startProfiler')) return;
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
	});
	const total = [...self.values()].reduce((a, b) => a + b, 0);

	const selfByFunction = new Map();
	const selfByArea = new Map();
	const inclusive = new Map();
	for (const [id, micros] of self) {
		const node = byId.get(id);
		const frame = node.callFrame;
		const name = `${frame.functionName || '(anonymous)'} ${area(frame.url)}:${frame.lineNumber + 1}`;
		selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + micros);
		selfByArea.set(area(frame.url), (selfByArea.get(area(frame.url)) ?? 0) + micros);
		// Inclusive: every distinct frame on the stack once.
		const seen = new Set();
		for (let at = id; at !== undefined; at = parent.get(at)) {
			const f = byId.get(at).callFrame;
			const key = `${f.functionName || '(anonymous)'} ${area(f.url)}:${f.lineNumber + 1}`;
			if (seen.has(key)) continue;
			seen.add(key);
			inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
		}
	}
	const ms = (micros) =>
		`${(micros / 1000).toFixed(0).padStart(6)} ms ${((micros / total) * 100).toFixed(1).padStart(5)} %`;
	const print = (title, map, n) => {
		console.log(`\n${title}`);
		for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
			console.log(`${ms(micros)}  ${name}`);
	};
	console.log(`${path.basename(file)}: ${(total / 1000).toFixed(0)} ms sampled`);
	print('Self time by area', selfByArea, top);
	print('Self time by function', selfByFunction, top);
	print('Inclusive time by function', inclusive, top);
	if (callersOf) {
		// Heaviest call chains (5 frames up) into the named function.
		const chains = new Map();
		for (const [id, micros] of self) {
			for (let at = id; at !== undefined; at = parent.get(at)) {
				if (byId.get(at).callFrame.functionName !== callersOf) continue;
				const chain = [];
				for (let up = parent.get(at); up !== undefined && chain.length < 6; up = parent.get(up)) {
					const f = byId.get(up).callFrame;
					chain.push(`${f.functionName || '(anonymous)'} ${area(f.url)}:${f.lineNumber + 1}`);
				}
				const key = chain.join(' < ');
				chains.set(key, (chains.get(key) ?? 0) + micros);
				break;
			}
		}
		print(`Callers of ${callersOf}`, chains, 10);
	}
}

main();

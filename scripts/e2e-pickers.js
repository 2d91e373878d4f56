#!/usr/bin/env node
'use strict';
// `npm run test:e2e-pickers`: the pickers in a real n8n, unattended. Starts what `npm start`
// starts (the built package in n8n 2.41.1 against the sandbox, in a temporary user folder),
// waits until it is ready, runs test/e2e/pickers.check.js against it (n8n's own REST endpoints
// for resource-locator results and load options, signed in as the sandbox owner) and stops
// everything, also when the check fails. Needs `npm run build` first.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const lib = require('./lib/n8n');

async function restReady(url, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const status = await fetch(`${url}/rest/settings`).then(
			(response) => response.status,
			() => 0,
		);
		if (status === 200) return;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`n8n's REST API did not answer within ${timeoutMs / 1000} s`);
}

async function main() {
	lib.checkNode();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pickers-'));
	const port = await lib.freePort();
	const start = spawn(
		process.execPath,
		[path.join(__dirname, 'start.js'), '--no-build', '--port', String(port), '--sandbox-port', '0'],
		{
			env: lib.baseEnv({ N8N_START_USER_FOLDER: userFolder }),
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	let output = '';
	const stopped = new Promise((resolve) => start.once('exit', resolve));
	try {
		await new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error('n8n was not ready within 10 minutes')),
				600_000,
			);
			start.stdout.on('data', (chunk) => {
				output += chunk;
				if (/is ready \(/.test(output)) {
					clearTimeout(timer);
					resolve();
				}
			});
			start.once('exit', (code) =>
				reject(new Error(`npm start ended (${code}):\n${output.slice(-2000)}`)),
			);
		});
		// The health check answers before n8n has mounted its REST API: wait for that too.
		await restReady(`http://127.0.0.1:${port}`);
		console.log(`› n8n ready on port ${port}; asking every picker through n8n's REST API`);
		const check = await lib.run(
			process.execPath,
			[path.join(lib.ROOT, 'test', 'e2e', 'pickers.check.js'), '--url', `http://127.0.0.1:${port}`],
			{ log: console.log },
		);
		if (check.code !== 0) throw new Error('picker checks failed');
	} finally {
		start.kill('SIGINT');
		await stopped;
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().then(
	() => console.log('pickers: every picker answered'),
	(error) => {
		console.error(`✗ ${error.message}`);
		process.exit(1);
	},
);

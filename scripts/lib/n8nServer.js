'use strict';
// `n8n start` as a daemon (its own process group, so n8n's task runner stops with it), waited on
// until its readiness endpoint answers: what the e2e scripts and queue mode's main share.

const { startDaemon, waitUntil } = require('./daemon');
const { n8nBin } = require('./installN8n');

/**
 * Starts n8n with `env` (which sets N8N_PORT; n8n listens on 127.0.0.1) and resolves
 * { ...daemon, url, readyMs } once /healthz/readiness answers 200; otherwise stops it and fails
 * with the log's tail.
 */
async function startN8nServer({ name = 'n8n', cacheDir, env, logFile, timeoutMs = 240_000 }) {
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const daemon = startDaemon({
		name,
		command: process.execPath,
		args: [n8nBin(cacheDir), 'start'],
		env,
		logFile,
	});
	try {
		const readyMs = await waitUntil(
			`${url}/healthz/readiness`,
			async () => (await fetch(`${url}/healthz/readiness`)).ok,
			{ timeoutMs, daemon },
		);
		return { ...daemon, url, readyMs };
	} catch (error) {
		// Never ready: nobody gets a handle to stop it, so it stops here.
		await daemon.stop();
		throw error;
	}
}

module.exports = { startN8nServer };

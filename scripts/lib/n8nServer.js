'use strict';
// `n8n start` as a daemon (its own process group, so n8n's task runner stops with it), waited on
// until its readiness endpoint answers: what the e2e scripts and queue mode's main share.

const { startDaemon, waitUntil } = require('./daemon');
const { n8nBin } = require('./installN8n');
const { freePort, n8nEnv } = require('./n8n');

/**
 * The env of an `n8n start` for an e2e run on its own free ports, 127.0.0.1 only. Publishing is
 * synchronous, so a workflow that fails to activate fails `publish:workflow` at once.
 */
async function serverEnv(userFolder) {
	const port = await freePort();
	const env = n8nEnv({
		userFolder,
		brokerPort: await freePort(),
		extra: {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
		},
	});
	return { port, env };
}

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

module.exports = { serverEnv, startN8nServer };

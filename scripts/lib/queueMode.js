'use strict';
// n8n in queue mode on one host: the environment main and workers share (Postgres, Redis, one
// encryption key), starting `n8n start` and `n8n worker` as daemons and waiting until they are
// ready, and calling a production webhook without a client-side time limit.

const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');

const { startDaemon, waitUntil } = require('./daemon');
const { n8nBin } = require('./installN8n');
const { freePort, n8nEnv } = require('./n8n');
const { startN8nServer } = require('./n8nServer');

/** What main and every worker must share; each process has its own user folder and ports. */
function sharedQueueEnv({
	postgres,
	redis,
	encryptionKey = crypto.randomBytes(24).toString('hex'),
}) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		N8N_ENCRYPTION_KEY: encryptionKey,
		// A test run stops its processes at once; n8n's default waits up to 30 s.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

/** The env of one n8n process on its own user folder, task-broker and health-check ports. */
async function processEnv({ userFolder, shared, extra = {} }) {
	return n8nEnv({
		userFolder,
		brokerPort: await freePort(),
		extra: { ...shared, QUEUE_HEALTH_CHECK_PORT: String(await freePort()), ...extra },
	});
}

/** `n8n start` on 127.0.0.1; resolves { ...daemon, url } once /healthz/readiness answers 200. */
async function startMain({ cacheDir, userFolder, shared, logFile, timeoutMs = 240_000 }) {
	const port = await freePort();
	const env = await processEnv({
		userFolder,
		shared,
		extra: { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
	});
	return await startN8nServer({ name: 'n8n main', cacheDir, env, logFile, timeoutMs });
}

/** `n8n worker`; resolves once it logs that it is ready. */
async function startWorker({
	name,
	cacheDir,
	userFolder,
	shared,
	logFile,
	concurrency,
	timeoutMs = 240_000,
}) {
	const env = await processEnv({ userFolder, shared });
	const daemon = startDaemon({
		name,
		command: process.execPath,
		args: [n8nBin(cacheDir), 'worker', `--concurrency=${concurrency}`],
		env,
		logFile,
	});
	const ms = await daemon.waitForLog(/n8n worker is now ready/, timeoutMs);
	return { ...daemon, readyMs: ms };
}

/**
 * Waits until main serves each production webhook: readiness comes before published workflows
 * are activated. A CORS preflight (OPTIONS with an Origin) asks main whether the path is
 * registered without starting an execution: 204 when it is, 404 when not (yet).
 */
async function waitForWebhooks(main, webhookPaths, timeoutMs = 120_000) {
	const served = async (webhookPath) =>
		(
			await fetch(new URL(path.posix.join('/webhook', webhookPath), main.url), {
				method: 'OPTIONS',
				headers: { origin: main.url, 'access-control-request-method': 'GET' },
			})
		).status === 204;
	return waitUntil(
		`main to serve the webhooks ${webhookPaths.join(', ')}`,
		async () => (await Promise.all(webhookPaths.map(served))).every(Boolean),
		{ timeoutMs, daemon: main },
	);
}

/** The execution IDs a worker's log says it started ("Worker started execution N"). */
const startedExecutions = (worker) =>
	[...worker.output().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);

/**
 * GET a production webhook; resolves { status, body (parsed JSON or text), ms }. The test's
 * workflows answer on receipt ("Workflow was started") and are checked in Postgres afterwards:
 * with "respond when the last node finishes", n8n 2.41.1's main in queue mode once left one of 22
 * concurrent calls unanswered although its execution had finished.
 */
function callWebhook(url, webhookPath) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const req = http.get(new URL(path.posix.join('/webhook', webhookPath), url), (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let body = text;
				try {
					body = JSON.parse(text);
				} catch {
					// not JSON: keep the text (an error page says why)
				}
				resolve({ status: res.statusCode, body, ms: Date.now() - started });
			});
			res.on('error', reject);
		});
		req.on('error', reject);
	});
}

module.exports = {
	callWebhook,
	processEnv,
	sharedQueueEnv,
	startMain,
	startWorker,
	startedExecutions,
	waitForWebhooks,
};

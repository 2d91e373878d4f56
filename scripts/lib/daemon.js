'use strict';
// Long-running children of a script (a database, n8n main and workers): each in its own process
// group with its output in a log file, waited on until it is ready, and stopped with its own
// children (n8n's task runner) when the script ends, fails or is interrupted (SIGINT/SIGTERM).

const { spawn } = require('node:child_process');
const fs = require('node:fs');

const { baseEnv, seconds, tail } = require('./process');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// What to undo at the end, newest first: every start registers its own stop here.
const cleanups = [];

/** Registers fn to run (newest first) on cleanup(). */
function onCleanup(fn) {
	cleanups.push(fn);
}

/** Runs every registered cleanup once, newest first; a failing one does not stop the others. */
async function cleanup(log = console.log) {
	while (cleanups.length) {
		const fn = cleanups.pop();
		try {
			await fn();
		} catch (error) {
			log(`  (cleanup: ${error.message})`);
		}
	}
}

/** On SIGINT/SIGTERM/SIGHUP: clean up, then exit as interrupted. */
function cleanupOnSignals(log = console.log) {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => {
			log(`› ${signal}: stopping everything this run started`);
			cleanup(log).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		});
	}
}

/** Polls check() until it is truthy; fails with the log's tail when the daemon dies or time runs out. */
async function waitUntil(what, check, { timeoutMs, daemon, intervalMs = 500 }) {
	const started = Date.now();
	for (;;) {
		if (await check().catch(() => false)) return Date.now() - started;
		const exited = daemon?.exited();
		const late = Date.now() - started > timeoutMs;
		if (exited || late) {
			const why = exited
				? `${daemon.name} exited (${exited.error ?? exited.signal ?? `code ${exited.code}`})`
				: `timed out after ${seconds(timeoutMs)}`;
			const lines = daemon ? tail(daemon.logFile, 25).map((line) => `    ${line}`) : [];
			throw new Error(
				[`${why} waiting for ${what}`, ...lines, daemon ? `  log: ${daemon.logFile}` : '']
					.filter(Boolean)
					.join('\n'),
			);
		}
		await sleep(intervalMs);
	}
}

/**
 * Starts command in its own process group, output appended to logFile, and registers its stop.
 * Returns { name, pid, logFile, exited(), output(), waitForLog(regex, timeoutMs), stop() }.
 */
function startDaemon({ name, command, args, env, cwd, logFile }) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(command, args, {
		cwd,
		env: env ?? baseEnv(),
		stdio: ['ignore', fd, fd],
		detached: true,
	});
	fs.closeSync(fd);
	let exited;
	const exit = new Promise((resolve) => {
		child.on('error', (error) => resolve((exited = { error: error.message })));
		child.on('exit', (code, signal) => resolve((exited = { code, signal })));
	});
	// The group, not only the child: n8n's task runner is a child of the n8n process.
	const signalGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// the group is gone already
		}
	};
	const daemon = {
		name,
		pid: child.pid,
		logFile,
		exited: () => exited,
		output: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
		waitForLog: (pattern, timeoutMs) =>
			waitUntil(`${pattern} in the log of ${name}`, async () => pattern.test(daemon.output()), {
				timeoutMs,
				daemon,
			}),
		async stop(graceMs = 20_000) {
			if (!exited) {
				signalGroup('SIGTERM');
				await Promise.race([exit, sleep(graceMs)]);
			}
			signalGroup('SIGKILL');
			return exit;
		},
	};
	onCleanup(() => daemon.stop());
	return daemon;
}

module.exports = { cleanup, cleanupOnSignals, onCleanup, sleep, startDaemon, waitUntil };

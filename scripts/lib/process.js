'use strict';
// Child processes for the project's scripts: a clean environment and a runner with a heartbeat.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The environment for child npm/n8n processes: this Node first on PATH, no proxies. */
function baseEnv(extra = {}, from = process.env) {
	const env = {
		...from,
		PATH: `${path.dirname(process.execPath)}${path.delimiter}${from.PATH}`,
	};
	// n8n's HTTP client honours proxy variables; the sandbox is on loopback.
	for (const name of [
		'HTTP_PROXY',
		'HTTPS_PROXY',
		'http_proxy',
		'https_proxy',
		'ALL_PROXY',
		'all_proxy',
	])
		delete env[name];
	return { ...env, ...extra };
}

/**
 * Runs a command; resolves { code, ms }. Prints a heartbeat while it runs so long installs show
 * progress even when npm prints nothing (it shows no progress bar without a terminal).
 */
function run(
	command,
	args,
	{ cwd, env, log, label, timeoutMs = 20 * 60_000, stdout = 'inherit', stderr = 'inherit' },
) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd,
			env: env ?? baseEnv(),
			stdio: ['ignore', stdout, stderr],
		});
		const beat = label
			? setInterval(() => log(`  … ${label}: ${seconds(Date.now() - started)}`), 15_000)
			: undefined;
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearInterval(beat);
			clearTimeout(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			clearInterval(beat);
			clearTimeout(timer);
			resolve({ code: code ?? (signal ? 128 : 1), signal, ms: Date.now() - started });
		});
	});
}

/** The last lines of a log file (for an error message that says why). */
const tail = (file, lines = 15) =>
	fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines) : [];

/**
 * Runs a command with its whole output appended to logFile (a terminal spinner or hundreds of
 * npm warnings stay out of the console); the heartbeat still shows progress.
 */
async function runToLog(command, args, { logFile, cwd, env, log, label, timeoutMs }) {
	fs.appendFileSync(logFile, `\n$ ${command} ${args.join(' ')}   (in ${cwd})\n`);
	const fd = fs.openSync(logFile, 'a');
	try {
		return await run(command, args, { cwd, env, log, label, stdout: fd, stderr: fd, timeoutMs });
	} finally {
		fs.closeSync(fd);
	}
}

module.exports = { baseEnv, run, runToLog, seconds, tail };

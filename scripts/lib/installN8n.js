'use strict';
// Installing the pinned n8n into a cache folder so that it works whoever calls it. Two traps make
// this more than `npm i n8n`:
// - npm exports its configuration to every child of `npm run …` / `npm start` as npm_config_*
//   variables. The project's .npmrc sets ignore-scripts=true, so a plain `npm rebuild sqlite3`
//   started from an npm script builds nothing and still prints "rebuilt dependencies successfully".
//   Every npm command here runs with those variables removed and states its script policy itself.
// - A .node file that exists can still fail to load; only loading sqlite3 and opening a database
//   proves n8n can open its own.

const fs = require('node:fs');
const path = require('node:path');

const { baseEnv, run, runToLog, seconds, tail } = require('./process');

const N8N_VERSION = '2.41.1';

/** The environment for an npm child: no npm_config_* (or other npm run) variables inherited. */
function cleanNpmEnv(env = process.env) {
	const clean = {};
	for (const [name, value] of Object.entries(env)) {
		if (/^npm_(config|lifecycle|package|command|execpath|node_execpath)/i.test(name)) continue;
		if (name === 'INIT_CWD') continue;
		clean[name] = value;
	}
	// npm draws its spinner and progress bar with escape codes; a log file wants plain lines.
	clean.npm_config_progress = 'false';
	return clean;
}

/**
 * The npm commands that install n8n, each stating its script policy explicitly (an explicit
 * flag beats any inherited configuration). n8n itself installs without scripts because a
 * native kafka module's install script fails here; sqlite3 is then built from source on its own.
 */
function installSteps() {
	return [
		{
			label: `npm install n8n@${N8N_VERSION}`,
			args: ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts=true', '--no-audit', '--no-fund'],
		},
		{
			label: 'build sqlite3 from source',
			args: ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'],
		},
	];
}

const n8nDir = (cacheDir) => path.join(cacheDir, 'node_modules', 'n8n');
const n8nBin = (cacheDir) => path.join(n8nDir(cacheDir), 'bin', 'n8n');

function installedVersion(cacheDir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(n8nDir(cacheDir), 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

// Loads sqlite3 the way n8n resolves it and runs a query on an in-memory database.
const SQLITE_PROOF = `
const sqlite3 = require(require.resolve('sqlite3', { paths: [process.argv[1]] }));
const db = new sqlite3.Database(':memory:');
db.get('select 41 + 1 as answer', (error, row) => {
	if (error || !row || row.answer !== 42) { console.error(error ? error.message : 'wrong answer'); process.exit(1); }
	db.close(() => process.exit(0));
});`;

/** Whether sqlite3 loads and answers a query; resolves { ok, output }. */
async function proveSqlite(cacheDir) {
	const logFile = path.join(cacheDir, 'sqlite3-proof.log');
	const fd = fs.openSync(logFile, 'w');
	try {
		const result = await run(process.execPath, ['-e', SQLITE_PROOF, n8nDir(cacheDir)], {
			cwd: cacheDir,
			stdout: fd,
			stderr: fd,
			timeoutMs: 60_000,
		});
		return { ok: result.code === 0, output: fs.readFileSync(logFile, 'utf8').trim() };
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * Runs npm steps in cwd with npm's inherited configuration removed, each output appended to
 * logFile; throws with the log's last lines when a step fails.
 */
async function runNpmSteps(steps, { cwd, env = process.env, logFile, log = () => {} }) {
	const npmEnv = baseEnv({}, cleanNpmEnv(env));
	for (const step of steps) {
		const result = await runToLog('npm', step.args, {
			logFile,
			cwd,
			env: npmEnv,
			log,
			label: step.label,
			timeoutMs: 30 * 60_000,
		});
		if (result.code !== 0)
			throw installError({
				what: `\`npm ${step.args.join(' ')}\` failed with exit code ${result.code}`,
				logFile,
				cacheDir: cwd,
				lines: tail(logFile),
			});
		log(`  ✓ ${step.label} (${seconds(result.ms)})`);
	}
}

function installError({ what, logFile, cacheDir, lines }) {
	return new Error(
		[
			`${what}.`,
			...lines.map((line) => `    ${line}`),
			`  Full log: ${logFile}`,
			'  What you can do: make sure python3, make and g++ are installed (sqlite3 compiles from source),',
			`  then delete ${cacheDir} and run the command again.`,
		].join('\n'),
	);
}

/**
 * Ensures n8n at the pinned version in cacheDir with a working sqlite3. Returns
 * { cacheDir, bin, installed, ms }. `env` is the caller's environment (tests pass their own).
 */
async function ensureN8n({ cacheDir, log = console.log, env = process.env }) {
	const started = Date.now();
	if (installedVersion(cacheDir) === N8N_VERSION && (await proveSqlite(cacheDir)).ok) {
		log(`› n8n ${N8N_VERSION} found in ${cacheDir}`);
		return { cacheDir, bin: n8nBin(cacheDir), installed: false, ms: Date.now() - started };
	}
	fs.mkdirSync(cacheDir, { recursive: true });
	const manifest = path.join(cacheDir, 'package.json');
	if (!fs.existsSync(manifest))
		fs.writeFileSync(manifest, JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2));
	const logFile = path.join(cacheDir, 'install.log');
	fs.writeFileSync(logFile, `n8n ${N8N_VERSION} install, Node ${process.versions.node}\n`);
	log(`› installing n8n ${N8N_VERSION} into ${cacheDir} (first run only: about 5 minutes, 2.9 GB)`);
	log(`  full output: ${logFile}`);
	await runNpmSteps(installSteps(), { cwd: cacheDir, env, logFile, log });
	const proof = await proveSqlite(cacheDir);
	if (!proof.ok)
		throw installError({
			what: 'sqlite3 was built but does not load or cannot open an in-memory database',
			logFile,
			cacheDir,
			lines: [...proof.output.split('\n').slice(-5), '--- end of the build log:', ...tail(logFile, 10)],
		});
	log(`› n8n ${N8N_VERSION} installed and sqlite3 proven in ${seconds(Date.now() - started)}`);
	return { cacheDir, bin: n8nBin(cacheDir), installed: true, ms: Date.now() - started };
}

module.exports = {
	N8N_VERSION,
	cleanNpmEnv,
	ensureN8n,
	installSteps,
	n8nBin,
	proveSqlite,
	runNpmSteps,
};

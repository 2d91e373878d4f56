'use strict';
// Running a real, pinned n8n from a cache folder: install it once, install this package into a
// user folder the way users install community packages, and run n8n commands with a clean,
// offline environment. Shared by scripts/e2e.js and scripts/start.js.

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const N8N_VERSION = '2.41.1';
const ROOT = path.resolve(__dirname, '..', '..');

const defaultCacheDir = () =>
	process.env.N8N_CACHE_DIR ||
	path.join(os.homedir(), '.cache', 'n8n-nodes-assignments', `n8n-${N8N_VERSION}`);

/** n8n 2.x and n8n-core need Node >= 22.20 (Node 24 is what n8n 2.41 targets). */
function checkNode() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major > 22 || (major === 22 && minor >= 20)) return;
	throw new Error(
		`Node ${process.versions.node} is too old for n8n ${N8N_VERSION} (needs >= 22.20, ideally 24). ` +
			'Run through `source scripts/node24.sh` first, as the npm scripts do.',
	);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The environment for child npm/n8n processes: this Node first on PATH, no proxies. */
function baseEnv(extra = {}) {
	const env = {
		...process.env,
		PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
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

const n8nPackageJson = (cacheDir) => path.join(cacheDir, 'node_modules', 'n8n', 'package.json');
const n8nBin = (cacheDir) => path.join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');

/** Whether the cache holds n8n at the pinned version with a built sqlite3 binding. */
function isReady(cacheDir) {
	try {
		if (JSON.parse(fs.readFileSync(n8nPackageJson(cacheDir), 'utf8')).version !== N8N_VERSION)
			return false;
		const binding = require.resolve('sqlite3/package.json', {
			paths: [path.dirname(n8nPackageJson(cacheDir))],
		});
		return fs.existsSync(path.join(path.dirname(binding), 'build', 'Release', 'node_sqlite3.node'));
	} catch {
		return false;
	}
}

/**
 * Ensures n8n@2.41.1 in the cache folder. `--ignore-scripts` because a native kafka module's
 * install script fails here; sqlite3 is then rebuilt on its own (it compiles from source).
 */
async function ensureN8n({ cacheDir = defaultCacheDir(), log = console.log } = {}) {
	const started = Date.now();
	if (isReady(cacheDir)) {
		log(`› n8n ${N8N_VERSION} found in ${cacheDir}`);
		return { cacheDir, bin: n8nBin(cacheDir), installed: false, ms: Date.now() - started };
	}
	log(
		`› installing n8n ${N8N_VERSION} into ${cacheDir} (first run only: about 5 minutes and 2.9 GB)`,
	);
	fs.mkdirSync(cacheDir, { recursive: true });
	const manifest = path.join(cacheDir, 'package.json');
	if (!fs.existsSync(manifest))
		fs.writeFileSync(manifest, JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2));
	const install = await run(
		'npm',
		['i', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'],
		{ cwd: cacheDir, log, label: 'npm install n8n' },
	);
	if (install.code !== 0)
		throw new Error(`npm install n8n@${N8N_VERSION} failed (exit ${install.code})`);
	log(`› building sqlite3 for Node ${process.versions.node} (about 1.5 minutes)`);
	const rebuild = await run('npm', ['rebuild', 'sqlite3'], {
		cwd: cacheDir,
		log,
		label: 'npm rebuild sqlite3',
	});
	if (rebuild.code !== 0 || !isReady(cacheDir))
		throw new Error('npm rebuild sqlite3 failed; n8n cannot open its database');
	log(`› n8n ${N8N_VERSION} installed in ${seconds(Date.now() - started)}`);
	return { cacheDir, bin: n8nBin(cacheDir), installed: true, ms: Date.now() - started };
}

/** `npm pack` of the already built dist/; fails clearly when the build is missing. */
function packPackage(destination) {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter(
		(file) => !fs.existsSync(path.join(ROOT, file)),
	);
	if (missing.length) {
		throw new Error(
			`The package is not built (missing ${missing.join(', ')}). Run \`npm run build\` first.`,
		);
	}
	const output = execFileSync('npm', ['pack', '--pack-destination', destination, '--json'], {
		cwd: ROOT,
		env: baseEnv(),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [report] = JSON.parse(output);
	return { tarball: path.join(destination, report.filename), pkg, files: report.files.length };
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` like a community package. n8n drops peer
 * dependencies when it installs one (it strips them from package.json), so the install skips
 * them too: a second copy of n8n-workflow next to n8n's own would break `instanceof` checks.
 */
async function installPackage({ userFolder, tarball, log = console.log }) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		const init = await run('npm', ['init', '-y'], { cwd: nodesDir, log, stdout: 'ignore' });
		if (init.code !== 0) throw new Error(`npm init in ${nodesDir} failed`);
	}
	const result = await run(
		'npm',
		[
			'i',
			tarball,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--legacy-peer-deps',
			'--no-package-lock',
		],
		{
			cwd: nodesDir,
			log,
			stdout: 'ignore',
		},
	);
	if (result.code !== 0)
		throw new Error(`npm install of ${path.basename(tarball)} into ${nodesDir} failed`);
	return { nodesDir, ms: result.ms };
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment for n8n commands on a user folder. The task broker gets its own port so that
 * parallel runs (or a running n8n) do not collide on its default 5679.
 */
function n8nEnv({ userFolder, brokerPort, logLevel = 'info', extra = {} }) {
	return baseEnv({
		N8N_USER_FOLDER: userFolder,
		N8N_LOG_LEVEL: logLevel,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...extra,
	});
}

/** Runs `n8n <args>` with its output in a file (large run data is cut off on a pipe). */
async function n8n(cacheDir, args, { env, outputFile, timeoutMs = 5 * 60_000, log = console.log }) {
	const fd = fs.openSync(outputFile, 'w');
	try {
		const result = await run(process.execPath, [n8nBin(cacheDir), ...args], {
			env,
			log,
			stdout: fd,
			stderr: fd,
			timeoutMs,
		});
		return { ...result, output: fs.readFileSync(outputFile, 'utf8') };
	} finally {
		fs.closeSync(fd);
	}
}

module.exports = {
	N8N_VERSION,
	ROOT,
	checkNode,
	defaultCacheDir,
	ensureN8n,
	packPackage,
	installPackage,
	freePort,
	n8nEnv,
	n8n,
	run,
	baseEnv,
	seconds,
};

'use strict';
// Running a real, pinned n8n from a cache folder: install it once, install this package into a
// user folder the way users install community packages, and run n8n commands with a clean,
// offline environment. Shared by scripts/e2e.js and scripts/start.js.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { baseEnv, run, runToLog, seconds, tail } = require('./process');
const installer = require('./installN8n');

const { N8N_VERSION } = installer;

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

const { n8nBin } = installer;

/** Ensures the pinned n8n in the cache folder (N8N_CACHE_DIR or the user cache). */
const ensureN8n = ({ cacheDir = defaultCacheDir(), log = console.log } = {}) =>
	installer.ensureN8n({ cacheDir, log });

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
			env: baseEnv({}, installer.cleanNpmEnv()),
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
	runToLog,
	baseEnv,
	seconds,
	tail,
};

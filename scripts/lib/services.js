'use strict';
// A private Postgres and Redis on loopback for n8n's queue mode, from Debian's `postgresql` and
// `redis-server` packages (installed with apt-get when missing and allowed). Each gets a free
// port and a temporary folder, and is stopped by the daemon cleanup (scripts/lib/daemon.js).

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { onCleanup, startDaemon } = require('./daemon');
const { runToLog } = require('./process');

const PG_ROOT = '/usr/lib/postgresql';
const HOST = '127.0.0.1';
const isRoot = () => process.getuid?.() === 0;

/** The bin folder of the newest Postgres Debian installed, or undefined. */
function postgresBin() {
	if (!fs.existsSync(PG_ROOT)) return undefined;
	const versions = fs
		.readdirSync(PG_ROOT)
		.filter((v) => fs.existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : undefined;
}

/**
 * A system program on PATH or in Debian's system folders (a PATH without the sbin folders, as
 * some CI environments have, must not hide runuser or apt-get), or undefined.
 */
function systemBin(name) {
	const dirs = [
		...(process.env.PATH ?? '').split(path.delimiter),
		'/usr/local/sbin',
		'/usr/local/bin',
		'/usr/sbin',
		'/usr/bin',
		'/sbin',
		'/bin',
	];
	return dirs.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file));
}

const redisBin = () => systemBin('redis-server');

/** The Debian packages still to install: [] when both are there. */
const missingPackages = () =>
	[!postgresBin() && 'postgresql', !redisBin() && 'redis-server'].filter(Boolean);

/** apt-get update + install as root (or through `sudo -n` when not root); throws on failure. */
async function installPackages(packages, { logFile, log }) {
	const sudo = isRoot() ? [] : [systemBin('sudo') ?? 'sudo', '-n'];
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		[systemBin('apt-get') ?? 'apt-get', '-q', 'update'],
		[
			systemBin('apt-get') ?? 'apt-get',
			'-q',
			'install',
			'-y',
			'--no-install-recommends',
			...packages,
		],
	]) {
		const [command, ...rest] = [...sudo, ...args];
		const result = await runToLog(command, rest, {
			logFile,
			cwd: os.tmpdir(),
			env,
			log,
			label: args.slice(0, 3).join(' '),
			timeoutMs: 10 * 60_000,
		});
		if (result.code !== 0)
			throw new Error(
				`\`${[command, ...rest].join(' ')}\` failed (exit ${result.code}); see ${logFile}`,
			);
	}
	if (missingPackages().length)
		throw new Error(`still missing after apt-get: ${missingPackages().join(', ')}`);
}

/**
 * Postgres refuses to run as root: as root, every Postgres command runs as the `postgres` user
 * the Debian package creates, in a folder that user owns.
 */
function asPostgresUser(command, args) {
	return isRoot()
		? [systemBin('runuser') ?? 'runuser', ['-u', 'postgres', '--', command, ...args]]
		: [command, args];
}

/** initdb + pg_ctl start on a free port, database `n8n`; returns { host, port, user, database, query }. */
async function startPostgres({ port, logFile, log }) {
	const bin = postgresBin();
	// As root, the postgres user must reach the folder: /tmp, not a TMPDIR under root's home.
	const dir = fs.mkdtempSync(path.join(isRoot() ? '/tmp' : os.tmpdir(), 'n8n-queue-pg-'));
	if (isRoot()) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		fs.chownSync(dir, uid, gid);
	}
	const data = path.join(dir, 'data');
	const pg = async (tool, args, what) => {
		const [command, all] = asPostgresUser(path.join(bin, tool), args);
		const result = await runToLog(command, all, { logFile, cwd: dir, log, timeoutMs: 120_000 });
		if (result.code !== 0)
			throw new Error(`Postgres ${what} failed (exit ${result.code}); see ${logFile}`);
	};
	await pg(
		'initdb',
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		'initdb',
	);
	// A throw-away database: durability off makes n8n's migrations and execution rows quick.
	const options = `-h ${HOST} -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
	const serverLog = path.join(dir, 'server.log');
	onCleanup(async () => {
		await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], 'stop').catch(() => {});
		fs.rmSync(dir, { recursive: true, force: true });
	});
	await pg(
		'pg_ctl',
		['-D', data, '-l', serverLog, '-o', options, '-w', '-t', '60', 'start'],
		'start',
	);
	const psqlArgs = ['-h', HOST, '-p', String(port), '-U', 'postgres'];
	execFileSync(path.join(bin, 'createdb'), [...psqlArgs, 'n8n']);
	/** Rows of a query as arrays of strings (psql's unaligned, tab-separated output). */
	const query = (sql) =>
		execFileSync(path.join(bin, 'psql'), [...psqlArgs, '-d', 'n8n', '-At', '-F', '\t', '-c', sql], {
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		})
			.split('\n')
			.filter(Boolean)
			.map((line) => line.split('\t'));
	return { host: HOST, port, user: 'postgres', password: '', database: 'n8n', query, serverLog };
}

/** redis-server on a free port, nothing written to disk; returns { host, port }. */
async function startRedis({ port, dir, logFile }) {
	const redis = startDaemon({
		name: 'redis',
		command: redisBin(),
		args: [
			'--port',
			String(port),
			'--bind',
			HOST,
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		logFile,
	});
	await redis.waitForLog(/Ready to accept connections/, 30_000);
	return { host: HOST, port };
}

module.exports = { installPackages, isRoot, missingPackages, startPostgres, startRedis };

#!/usr/bin/env node
'use strict';
// `npm start`: n8n with this package, ready to use. Builds the package, starts the vendor sandbox,
// installs the pinned n8n (cached) and the packed package into a project-local user folder
// (.n8n-local/), imports one sandbox credential per vendor and the example workflows, starts
// n8n on 127.0.0.1 and prints the editor URL and the sign-in. Ctrl-C stops everything.
//
// Usage: node scripts/start.js [--no-sandbox] [--no-build] [--port 5678] [--sandbox-port 4010] [--size N]
//   --no-sandbox  bring your own credentials: no sandbox, no sandbox credentials
// Env:   N8N_CACHE_DIR, N8N_START_EMAIL, N8N_START_PASSWORD, N8N_START_USER_FOLDER (default .n8n-local)

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const lib = require('./lib/n8n');
const { SANDBOX_CREDENTIALS, SANDBOX_NAMES, sandboxCredentialId } = require('./lib/credentials');
const { createSandbox } = require('../sandbox/server');

const USER_FOLDER = process.env.N8N_START_USER_FOLDER || path.join(lib.ROOT, '.n8n-local');
const EXAMPLES = path.join(lib.ROOT, 'examples');
// A local, loopback-only instance: the sign-in is documented on purpose.
const OWNER = {
	email: process.env.N8N_START_EMAIL || 'owner@sandbox.local',
	password: process.env.N8N_START_PASSWORD || 'Sandbox-n8n-2026',
};

const log = (line) => console.log(line);

function parseArgs(argv) {
	const args = { sandbox: true, build: true, port: 5678, sandboxPort: 4010, size: undefined };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--no-sandbox') args.sandbox = false;
		else if (arg === '--no-build') args.build = false;
		else if (arg === '--port') args.port = Number(argv[++i]);
		else if (arg === '--sandbox-port') args.sandboxPort = Number(argv[++i]);
		else if (arg === '--size') args.size = Number(argv[++i]);
		else if (arg === '--help' || arg === '-h') args.help = true;
		else throw new Error(`unknown option ${arg}`);
	}
	return args;
}

/** A bcrypt hash of the owner password, made with the bcryptjs that n8n itself ships. */
function passwordHash(cacheDir, password) {
	const bcrypt = require(
		require.resolve('bcryptjs', { paths: [path.join(cacheDir, 'node_modules', 'n8n')] }),
	);
	return bcrypt.hashSync(password, 10);
}

/** Sandbox credentials for every credential type the built package declares (by file name). */
function sandboxCredentials(pkg, vendors) {
	return pkg.n8n.credentials
		.map((file) => path.basename(file, '.credentials.js'))
		.map((name) => `${name[0].toLowerCase()}${name.slice(1)}`)
		.filter((type) => SANDBOX_CREDENTIALS[type])
		.map((type) => ({
			id: sandboxCredentialId(type),
			name: SANDBOX_NAMES[type] ?? type,
			type,
			data: SANDBOX_CREDENTIALS[type](vendors),
		}));
}

/** examples/*.json, with credential references pointed at the sandbox credentials. */
function exampleWorkflows(dir, useSandbox) {
	if (!fs.existsSync(EXAMPLES)) return 0;
	let count = 0;
	for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
		if (!Array.isArray(workflow.nodes)) continue;
		if (useSandbox) {
			for (const node of workflow.nodes) {
				for (const type of Object.keys(node.credentials ?? {})) {
					if (SANDBOX_CREDENTIALS[type])
						node.credentials[type] = {
							id: sandboxCredentialId(type),
							name: SANDBOX_NAMES[type] ?? type,
						};
				}
			}
		}
		fs.writeFileSync(path.join(dir, file), JSON.stringify(workflow));
		count += 1;
	}
	return count;
}

async function waitForEditor(url, child, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`n8n did not answer on ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		log(
			fs
				.readFileSync(__filename, 'utf8')
				.split('\n')
				.filter((l) => l.startsWith('//'))
				.map((l) => l.slice(3))
				.join('\n'),
		);
		return;
	}
	const started = Date.now();
	lib.checkNode();
	const cleanup = [];
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		log('\n› stopping…');
		for (const step of cleanup.reverse()) await step().catch(() => {});
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	try {
		if (args.build) {
			fs.mkdirSync(USER_FOLDER, { recursive: true });
			const logFile = path.join(USER_FOLDER, 'build.log');
			fs.writeFileSync(logFile, '');
			const build = await lib.runToLog('npm', ['run', 'build'], {
				logFile,
				cwd: lib.ROOT,
				log,
				label: 'build',
			});
			if (build.code !== 0)
				throw new Error(
					`npm run build failed (exit ${build.code}):\n${lib.tail(logFile).join('\n')}\n  Full log: ${logFile}`,
				);
			log(`› built the package (${lib.seconds(build.ms)}; output in ${path.relative(lib.ROOT, logFile)})`);
		}
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-start-'));
		cleanup.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
		const { tarball, pkg } = lib.packPackage(tmp);

		let sandbox;
		if (args.sandbox) {
			const port = args.sandboxPort;
			sandbox = await createSandbox({ port, size: args.size }).catch(async (error) => {
				if (error.code !== 'EADDRINUSE') throw error;
				log(`  port ${port} is taken; the sandbox uses a free port instead`);
				return createSandbox({ port: 0, size: args.size });
			});
			cleanup.push(() => sandbox.close());
			log(`› vendor sandbox on ${sandbox.url}`);
		}

		const { cacheDir } = await lib.ensureN8n({ log });
		// Reinstall the freshly packed package every start.
		fs.rmSync(path.join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', pkg.name), {
			recursive: true,
			force: true,
		});
		await lib.installPackage({ userFolder: USER_FOLDER, tarball, log });
		log(`› installed ${pkg.name} into ${path.relative(lib.ROOT, USER_FOLDER)}/.n8n/nodes`);

		const env = lib.n8nEnv({
			userFolder: USER_FOLDER,
			brokerPort: await lib.freePort(),
			extra: {
				N8N_PORT: String(args.port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: 'localhost',
				// The MCP registry module fetches api.n8n.io at start; the sandbox setup is offline.
				N8N_DISABLED_MODULES: 'mcp-registry',
				// n8n 2.x asks for an owner account on first open; this creates it headlessly.
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
				N8N_INSTANCE_OWNER_PASSWORD_HASH: passwordHash(cacheDir, OWNER.password),
				N8N_INSTANCE_OWNER_FIRST_NAME: 'Sandbox',
				N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
			},
		});
		const imported = [];
		if (sandbox) {
			const credentials = sandboxCredentials(pkg, sandbox.vendors);
			const file = path.join(tmp, 'credentials.json');
			fs.writeFileSync(file, JSON.stringify(credentials));
			log(
				`› importing ${credentials.length} sandbox credential(s) (the first n8n command creates the database)`,
			);
			const result = await lib.n8n(cacheDir, ['import:credentials', `--input=${file}`], {
				env,
				outputFile: path.join(tmp, 'credentials.txt'),
				log,
			});
			if (result.code !== 0)
				throw new Error(`import:credentials failed:\n${result.output.slice(-2000)}`);
			imported.push(...credentials.map((c) => c.name));
		}
		const workflowDir = path.join(tmp, 'workflows');
		fs.mkdirSync(workflowDir);
		const examples = exampleWorkflows(workflowDir, Boolean(sandbox));
		if (examples) {
			log(`› importing ${examples} example workflow(s) from examples/`);
			const result = await lib.n8n(
				cacheDir,
				['import:workflow', '--separate', `--input=${workflowDir}`],
				{ env, outputFile: path.join(tmp, 'workflows.txt'), log },
			);
			if (result.code !== 0)
				throw new Error(`import:workflow failed:\n${result.output.slice(-2000)}`);
		}

		log(`› starting n8n ${lib.N8N_VERSION}`);
		const child = spawn(
			process.execPath,
			[path.join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n'), 'start'],
			{ env, stdio: ['ignore', 'inherit', 'inherit'] },
		);
		cleanup.push(
			() =>
				new Promise((resolve) => {
					if (child.exitCode !== null) return resolve();
					const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
					child.once('exit', () => {
						clearTimeout(kill);
						resolve();
					});
					child.kill('SIGTERM');
				}),
		);
		child.once('exit', (code) => {
			if (!stopping) {
				log(`n8n exited (code ${code})`);
				stop(code ?? 1);
			}
		});
		const editor = `http://localhost:${args.port}`;
		await waitForEditor(`http://127.0.0.1:${args.port}`, child, 180_000);

		log('');
		log('════════════════════════════════════════════════════════════════');
		log(
			`  n8n ${lib.N8N_VERSION} with ${pkg.name} is ready (${lib.seconds(Date.now() - started)})`,
		);
		log(`  Editor:   ${editor}`);
		log(`  Sign in:  ${OWNER.email} / ${OWNER.password}`);
		if (sandbox) {
			log(`  Sandbox:  ${sandbox.url}  (credentials: ${imported.join(', ')})`);
			const { kantata, rm, xurrent, paymo } = sandbox.state;
			log(
				`            Try: Kantata story ${kantata.fixtures.storyId} + user ${kantata.fixtures.meUserId}; RM project ${rm.fixtures.projectId} + user ${rm.fixtures.userId};`,
			);
			log(
				`            Xurrent task ${xurrent.fixtures.bigTaskId} (many) / ${xurrent.fixtures.emptyTaskId} (empty) + person ${xurrent.fixtures.personId}; Paymo task ${paymo.fixtures.taskId} + user ${paymo.fixtures.userId}`,
			);
		} else {
			log('  No sandbox: add your own vendor credentials in the editor.');
		}
		log('  Ctrl-C stops n8n and the sandbox.');
		log('════════════════════════════════════════════════════════════════');
	} catch (error) {
		log(`✗ ${error.message}`);
		await stop(1);
	}
}

main();

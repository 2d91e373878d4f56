'use strict';
// Runs one vendor sandbox (sandbox/server.js) in its own process, so that neither its memory
// nor its event loop is counted in, or competes with, a measured process. Driven by bench/run.js
// over IPC: { id, cmd, args } → { id, result } or { id, error }.

const { freeCreateInputs } = require('../sandbox/lib/freeInputs');
const { createSandbox } = require('../sandbox/server');

let sandbox;

const commands = {
	async start(options) {
		sandbox = await createSandbox({ ...options, maxLog: 1_000_000 });
		return { url: sandbox.url, vendors: sandbox.vendors };
	},
	/** Seeds the vendors now (they seed on first use), so no measured request pays for it. */
	seed(list) {
		const started = Date.now();
		for (const vendor of list) {
			const state = sandbox.state[vendor];
			if (!state) throw new Error(`no sandbox vendor ${vendor}`);
		}
		return { ms: Date.now() - started };
	},
	clear() {
		sandbox.clearRequests();
	},
	/** Seeded data again, fresh rate-limit windows, empty log. */
	reset() {
		sandbox.reset();
	},
	log() {
		return sandbox.requests.map((entry) => ({
			vendor: entry.vendor,
			method: entry.method,
			path: entry.path,
			query: entry.query,
			status: entry.status,
			fault: entry.fault,
			at: entry.at,
		}));
	},
	/** Create inputs that cannot clash with what the sandbox holds (sandbox/lib/freeInputs.js). */
	freeCreateInputs({ vendor, count }) {
		return freeCreateInputs(sandbox.state, vendor, count);
	},
	/** Users of the Smartsheet RM sandbox, to spread created assignments over. */
	rmUserIds() {
		return [...sandbox.state.rm.users.keys()].map(String);
	},
	async close() {
		await sandbox?.close();
		setImmediate(() => process.exit(0));
	},
};

process.on('message', async ({ id, cmd, args }) => {
	try {
		const result = await commands[cmd](args);
		process.send({ id, result });
	} catch (error) {
		process.send({ id, error: error.stack ?? String(error) });
	}
});
process.on('disconnect', () => process.exit(0));

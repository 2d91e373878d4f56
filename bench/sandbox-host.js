'use strict';
// Runs one vendor sandbox (sandbox/server.js) in its own process, so that neither its memory
// nor its event loop is counted in, or competes with, a measured process. Driven by bench/run.js
// over IPC: { id, cmd, args } → { id, result } or { id, error }.

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
	/** Paymo (user, task) pairs that are not assigned yet, so that creating them cannot clash. */
	paymoFreePairs(count) {
		const state = sandbox.state.paymo;
		const taken = new Set([...state.userstasks.values()].map((r) => `${r.user_id}:${r.task_id}`));
		const users = [...state.users.keys()];
		const tasks = [
			state.fixtures.taskId,
			...[...state.tasks.keys()].filter((id) => id !== state.fixtures.taskId),
		];
		const pairs = [];
		for (const taskId of tasks) {
			for (const userId of users) {
				if (pairs.length >= count) return pairs;
				if (!taken.has(`${userId}:${taskId}`))
					pairs.push({ userId: String(userId), taskId: String(taskId) });
			}
		}
		if (pairs.length < count) throw new Error(`only ${pairs.length} free Paymo pairs`);
		return pairs;
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

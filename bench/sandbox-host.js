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
	/**
	 * Input items for a bulk Create of `count` per vendor that cannot clash with what exists:
	 * Kantata (task, project resource of the task's project) and Xurrent (task, person) pairs
	 * not assigned yet, Paymo's free pairs, Smartsheet RM users on the fixture project.
	 */
	freeCreateInputs({ vendor, count }) {
		const state = sandbox.state[vendor];
		const items = [];
		const take = (item) => items.length < count && items.push(item);
		if (vendor === 'paymo') return commands.paymoFreePairs(count);
		if (vendor === 'rm') {
			const users = [...state.users.keys()].map(String);
			for (let i = 0; i < count; i++) {
				const day = String(1 + (i % 28)).padStart(2, '0');
				const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
				const date = `2027-${month}-${day}`;
				take({
					userId: users[i % users.length],
					assignableId: String(state.fixtures.projectId),
					startsAt: date,
					endsAt: date,
					percent: 10 + (i % 90),
				});
			}
		} else if (vendor === 'kantata') {
			const taken = new Set(
				[...state.assignments.values()]
					.filter((a) => a.current)
					.map((a) => `${a.story_id}:${a.resource_id}`),
			);
			const resources = [...state.resources.values()];
			for (const story of state.stories.values())
				for (const r of resources.filter((r) => r.workspace_id === story.workspace_id))
					if (!taken.has(`${story.id}:${r.id}`))
						take({ storyId: String(story.id), resourceId: String(r.id) });
		} else if (vendor === 'xurrent') {
			for (const task of state.tasks.values()) {
				const assigned = new Set(task.assignmentIds.map((id) => state.assignments.get(id).assignee.id));
				for (const personId of state.people.keys())
					if (!assigned.has(personId)) take({ taskId: String(task.id), assigneeId: String(personId) });
			}
		}
		if (items.length < count) throw new Error(`only ${items.length} free ${vendor} create inputs`);
		return items;
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

'use strict';
// Seeded Xurrent (4me) data: people, project tasks and their assignments. IDs are integers, times
// carry a -06:00 offset like the documentation's examples. `fixtures` have fixed IDs.

const { createRandom, personName, taskName, projectName } = require('../../lib/random');
const { isoWithOffset, isoUtc, DAY } = require('../../lib/time');

const OFFSET = -6 * 60;
const START = Date.parse('2024-01-03T15:00:00Z');
const SPAN_DAYS = 650;
const STATUSES = [
	'registered',
	'assigned',
	'accepted',
	'in_progress',
	'waiting_for',
	'failed',
	'rejected',
	'completed',
	'approved',
	'canceled',
];
const ACCOUNT = { id: 'sandbox', name: 'Sandbox International' };

const fixtures = {
	/** The token's person (GET /me). */
	meId: 6,
	/** A project task with many assignments (about 30 % of `size`): several pages at 100. */
	bigTaskId: 1001,
	/** A project task without assignments: create assignments here. */
	emptyTaskId: 1002,
	/** A second person, never assigned to the empty task. */
	personId: 41,
	accountId: ACCOUNT.id,
};

const stamp = (ms) => isoWithOffset(ms, OFFSET);

function seedXurrent(seed, size) {
	const rng = createRandom(`xurrent:${seed}`);
	const people = new Map();
	const tasks = new Map();
	const assignments = new Map();
	const bigCount = Math.floor(size * 0.3);

	// Enough people for every assignment of the big task to have its own assignee.
	const personCount = Math.max(60, Math.ceil(bigCount * 1.1));
	const add = (id, name) => people.set(id, { id, name, account: { ...ACCOUNT } });
	add(fixtures.meId, 'Sandbox Admin');
	add(fixtures.personId, 'Beatrice Baldwin');
	for (let i = 0; people.size < personCount; i++) {
		const id = 100 + i;
		add(id, personName(rng).join(' '));
	}
	const personIds = [...people.keys()];

	const otherTasks = Math.max(10, Math.ceil(size / 5));
	const task = (id, subject) => {
		const created = START + rng.int(0, SPAN_DAYS) * DAY;
		tasks.set(id, {
			id,
			subject,
			category: rng.pick(['activity', 'approval', 'implementation']),
			status: rng.pick(['assigned', 'in_progress', 'completed']),
			project: { id: 200 + (id % 37), name: projectName(rng) },
			created_at: stamp(created),
			updated_at: stamp(created),
			assignmentIds: [],
		});
	};
	task(fixtures.bigTaskId, 'Sandbox: company-wide rollout');
	task(fixtures.emptyTaskId, 'Sandbox: assign me');
	for (let i = 0; i < otherTasks; i++) task(fixtures.emptyTaskId + 1 + i, taskName(rng));
	const otherIds = [...tasks.keys()].slice(2);

	const gap = (SPAN_DAYS * DAY) / Math.max(1, size);
	let at = START;
	const assigneesByTask = new Map();
	for (let i = 0; i < size; i++) {
		at += Math.floor(gap * (0.2 + 1.6 * rng()));
		const id = 75 + i;
		const t = tasks.get(i < bigCount ? fixtures.bigTaskId : rng.pick(otherIds));
		if (!assigneesByTask.has(t.id)) assigneesByTask.set(t.id, new Set());
		const taken = assigneesByTask.get(t.id);
		let assignee = i < bigCount ? personIds[i % personIds.length] : rng.pick(personIds);
		for (let tries = 0; taken.has(assignee) && tries < 10; tries++) assignee = rng.pick(personIds);
		taken.add(assignee);
		const status = rng.pick(STATUSES);
		assignments.set(id, {
			taskId: t.id,
			record: {
				assignee: { ...people.get(assignee), account: { ...ACCOUNT } },
				attachment: null,
				created_at: stamp(at),
				id,
				planned_effort: rng.chance(0.2) ? null : 30 * rng.int(1, 40),
				status,
				updated_at: stamp(at + rng.int(0, 20) * DAY),
				waiting_until: status === 'waiting_for' ? isoUtc(at + 3 * DAY) : null,
				account: { ...ACCOUNT },
			},
		});
		t.assignmentIds.push(id);
	}
	// The store holds public records; each task keeps its assignment IDs in ascending order.
	const records = new Map([...assignments].map(([id, a]) => [id, a.record]));
	const taskOf = new Map([...assignments].map(([id, a]) => [id, a.taskId]));
	return {
		people,
		tasks,
		assignments: records,
		taskOf,
		fixtures: { ...fixtures },
		next: { assignment: 75 + size, token: 1 },
		/** Access tokens issued by the client-credentials endpoint: token → expiry (ms). */
		tokens: new Map(),
	};
}

module.exports = { seedXurrent, fixtures, stamp, ACCOUNT };

'use strict';
// Seeded Paymo data: users, tasks and task assignments ("userstasks"). IDs are integers, times
// UTC with "Z". The admin user holds about 30 % of the assignments so that listing them needs
// several pages. `fixtures` have fixed IDs whatever the seed and size.

const { createRandom, personName, taskName } = require('../../lib/random');
const { isoUtc, dateOnly, DAY } = require('../../lib/time');

const START = Date.parse('2024-01-04T10:00:00Z');
const SPAN_DAYS = 650;

const fixtures = {
	/** The API key's user (GET /me), an admin; holds about 30 % of the assignments. */
	meUserId: 241185,
	/** Another user (the docs' create example), without assignments to the task below. */
	userId: 241184,
	/** A task without assignments: create assignments here. */
	taskId: 48591,
};

function seedPaymo(seed, size) {
	const rng = createRandom(`paymo:${seed}`);
	const users = new Map();
	const tasks = new Map();
	const userstasks = new Map();
	const created = isoUtc(START - 60 * DAY);

	const addUser = (id, name, type) =>
		users.set(id, {
			id,
			name,
			email: `${name.replace(/\s+/g, '.')}.${id}@example.com`.toLowerCase(),
			type,
			active: true,
			timezone: 'Europe/London',
			created_on: created,
			updated_on: created,
		});
	addUser(fixtures.meUserId, 'Sandbox Admin', 'Admin');
	addUser(fixtures.userId, 'Beatrice Baldwin', 'Employee');
	const userCount = Math.max(10, Math.ceil(size / 20));
	for (let i = 0; users.size < userCount; i++)
		addUser(241186 + i, personName(rng).join(' '), rng.pick(['Employee', 'Project Manager']));

	const addTask = (id, name) => {
		const due = START + rng.int(0, SPAN_DAYS) * DAY;
		tasks.set(id, {
			id,
			name,
			code: `T-${id}`,
			project_id: 1200 + (id % 23),
			tasklist_id: 5400 + (id % 61),
			user_id: fixtures.meUserId,
			complete: rng.chance(0.2),
			billable: rng.chance(0.7),
			description: '',
			due_date: dateOnly(due),
			created_on: created,
			updated_on: created,
		});
	};
	addTask(fixtures.taskId, 'Sandbox: assign me');
	const taskCount = Math.max(30, Math.ceil(size * 0.4));
	for (let i = 0; i < taskCount; i++) addTask(48600 + i, taskName(rng));
	const taskIds = [...tasks.keys()].slice(1);
	const userIds = [...users.keys()].filter((id) => id !== fixtures.meUserId);

	const mine = Math.floor(size * 0.3);
	const pairs = new Set();
	const gap = (SPAN_DAYS * DAY) / Math.max(1, size);
	let at = START;
	for (let i = 0; i < size; i++) {
		at += Math.floor(gap * (0.2 + 1.6 * rng()));
		let userId = fixtures.meUserId;
		let taskId = taskIds[i % taskIds.length];
		if (i >= mine) {
			for (let tries = 0; tries < 20; tries++) {
				userId = rng.pick(userIds);
				taskId = rng.pick(taskIds);
				if (!pairs.has(`${userId}:${taskId}`)) break;
			}
		}
		pairs.add(`${userId}:${taskId}`);
		const id = 15200864 + i;
		userstasks.set(id, {
			id,
			user_id: userId,
			task_id: taskId,
			created_on: isoUtc(at),
			updated_on: isoUtc(rng.chance(0.2) ? at + rng.int(1, 20) * DAY : at),
		});
	}
	return {
		users,
		tasks,
		userstasks,
		fixtures: { ...fixtures },
		next: { userstask: 15200864 + size },
	};
}

module.exports = { seedPaymo, fixtures };

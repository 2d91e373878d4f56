'use strict';
// Seeded Kantata OX data: users, projects (workspaces), tasks (stories), project resources (named
// and unnamed) and assignments between them. IDs are strings, as the API returns them; times carry
// a -07:00 offset like the recorded responses. A few records have fixed IDs (`fixtures`) so that
// workflows and tests can name them whatever the seed and size.

const { createRandom, hashSeed, personName, projectName, taskName } = require('../../lib/random');
const { isoWithOffset, dateOnly, DAY } = require('../../lib/time');

const OFFSET = -7 * 60;
const START = Date.parse('2024-01-08T16:00:00Z');
const SPAN_DAYS = 650;

const fixtures = {
	/** The token's user (GET /users/me.json), an account administrator who sees every project. */
	meUserId: '3700001',
	/** An active project with no seeded assignments in its one task. */
	workspaceId: '2100001',
	/** An active task with no seeded assignments: create assignments here. */
	storyId: '26100001',
	/** The named resource of the admin user in that project. */
	resourceId: '5001',
	/** An unnamed (placeholder) resource in that project. */
	unnamedResourceId: '5002',
};

const stamp = (ms) => isoWithOffset(ms, OFFSET);

function user(id, first, last) {
	return {
		id,
		full_name: `${first} ${last}`,
		email_address: `${first}.${last}@example.com`.toLowerCase(),
		headline: 'Consultant',
		account_id: '500',
	};
}

function seedKantata(seed, size) {
	const rng = createRandom(`kantata:${seed}`);
	const users = new Map();
	const workspaces = new Map();
	const stories = new Map();
	const resources = new Map();
	const assignments = new Map();
	const externalReferences = new Map();
	const refsByAssignment = new Map();
	const order = [];

	users.set(fixtures.meUserId, {
		...user(fixtures.meUserId, 'Sandbox', 'Admin'),
		headline: 'Account Administrator',
	});
	const userCount = Math.max(12, Math.ceil(size / 25));
	for (let i = 1; i < userCount; i++) {
		const [first, last] = personName(rng);
		const id = String(3700001 + i);
		users.set(id, user(id, first, last));
	}
	const userIds = [...users.keys()];

	const workspaceCount = Math.max(4, Math.ceil(size / 60));
	for (let i = 0; i < workspaceCount; i++) {
		const id = String(2100001 + i);
		workspaces.set(id, {
			id,
			title: i === 0 ? 'Sandbox Demo Project' : projectName(rng),
			archived: i !== 0 && rng.chance(0.1),
			creator_id: fixtures.meUserId,
		});
	}

	// Every project gets a few named resources and one unnamed (placeholder) resource.
	let resourceId = 5001;
	const resourcesByWorkspace = new Map();
	for (const ws of workspaces.values()) {
		const list = [];
		const members = ws.id === fixtures.workspaceId ? [fixtures.meUserId] : [];
		const wanted = rng.int(3, Math.min(8, userIds.length));
		for (let tries = 0; members.length < wanted && tries < 50; tries++) {
			const candidate = rng.pick(userIds);
			if (!members.includes(candidate)) members.push(candidate);
		}
		// The placeholder comes second so that the fixture project's IDs are 5001 (admin), 5002 (unnamed).
		const entries = [members[0], null, ...members.slice(1)];
		for (const userId of entries) {
			const r = {
				id: String(resourceId++),
				workspace_id: ws.id,
				user_id: userId,
				role: userId ? 'Consultant' : 'Designer (unnamed)',
			};
			resources.set(r.id, r);
			list.push(r);
		}
		resourcesByWorkspace.set(ws.id, list);
	}

	const storyCount = Math.max(12, Math.ceil(size / 4));
	const workspaceIds = [...workspaces.keys()];
	for (let i = 0; i < storyCount; i++) {
		const id = String(26100001 + i);
		const workspaceId = i === 0 ? fixtures.workspaceId : rng.pick(workspaceIds.slice(1));
		const start = START + rng.int(0, SPAN_DAYS) * DAY;
		stories.set(id, {
			id,
			title: i === 0 ? 'Sandbox: assign me' : taskName(rng),
			story_type: 'task',
			state: rng.pick(['not started', 'started', 'completed']),
			archived: i !== 0 && rng.chance(0.08),
			workspace_id: workspaceId,
			start_date: dateOnly(start),
			due_date: dateOnly(start + rng.int(5, 60) * DAY),
		});
	}
	const storyIds = [...stories.keys()].slice(1);

	// Creation times increase with the ID, as they do when records are created one after another.
	const gap = (SPAN_DAYS * DAY) / Math.max(1, size);
	let created = START;
	const taken = new Set();
	for (let i = 0; i < size; i++) {
		created += Math.floor(gap * (0.2 + 1.6 * rng()));
		const story = stories.get(rng.pick(storyIds));
		const pool = resourcesByWorkspace.get(story.workspace_id);
		const named = pool.filter((r) => r.user_id !== null);
		let resource;
		for (let tries = 0; tries < 5; tries++) {
			resource =
				rng.chance(0.08) || named.length === 0
					? pool.find((r) => r.user_id === null)
					: rng.pick(named);
			if (!taken.has(`${story.id}:${resource.id}`)) break;
		}
		taken.add(`${story.id}:${resource.id}`);
		const id = String(1000001 + i);
		const updated = rng.chance(0.3)
			? created + rng.int(0, 40) * DAY + rng.int(0, 3600) * 1000
			: created;
		const record = {
			id,
			story_id: story.id,
			assignee_id: resource.user_id,
			resource_id: Number(resource.id),
			current: rng.chance(0.88),
			estimated_minutes: rng.chance(0.1) ? null : 30 * rng.int(1, 32),
			allocated_minutes: 0,
			created_at: stamp(created),
			updated_at: stamp(updated),
		};
		record.allocated_minutes = allocationDays(record, stories).reduce(
			(sum, day) => sum + day.minutes,
			0,
		);
		assignments.set(id, record);
		order.push(id);
		if (rng.chance(0.1)) {
			const refId = String(800001 + externalReferences.size);
			externalReferences.set(
				refId,
				externalReference(refId, record, {
					service_name: rng.pick(['jira', 'salesforce']),
					service_model: 'Task',
					service_model_ref: String(rng.int(1000, 99999)),
					external_status: rng.pick(['open', 'in progress', 'done']),
					status: rng.chance(0.9) ? 'successful' : 'fail',
				}),
			);
			refsByAssignment.set(id, [refId]);
		}
	}

	return {
		users,
		workspaces,
		stories,
		resources,
		assignments,
		externalReferences,
		refsByAssignment,
		order,
		fixtures: { ...fixtures },
		next: { assignment: 1000001 + size, externalReference: 800001 + externalReferences.size },
		firstCreatedId: 1000001 + size,
		version: 0,
	};
}

/** An external-reference record as the include returns it. */
function externalReference(id, assignment, fields) {
	return {
		id,
		service_name: fields.service_name,
		service_model: fields.service_model,
		service_model_ref: String(fields.service_model_ref),
		external_link: fields.external_link ?? null,
		external_message: fields.external_message ?? null,
		external_status: fields.external_status ?? null,
		locked: fields.locked === true || fields.locked === 'true',
		status: fields.status ?? 'successful',
		subject_id: Number(assignment.id),
		subject_type: 'Assignment',
		subject_ref: { key: 'assignments', id: assignment.id },
		created_at: assignment.updated_at,
		updated_at: assignment.updated_at,
		last_synced_at: assignment.updated_at,
	};
}

/**
 * Daily scheduled hours of an assignment, derived from its ID so that they need no storage:
 * about a third of the seeded assignments have one to three days; created ones have none.
 */
function allocationDays(assignment, stories, seeded = true) {
	const n = Number(assignment.id);
	if (!seeded || hashSeed(assignment.id) % 3 !== 0) return [];
	const story = stories.get(assignment.story_id);
	const days = 1 + (hashSeed(`d${assignment.id}`) % 3);
	const first = Date.parse(`${story.start_date}T00:00:00Z`);
	const out = [];
	for (let k = 0; k < days; k++) {
		out.push({
			id: String(n * 10 + k),
			assignment_id: assignment.id,
			story_id: assignment.story_id,
			workspace_id: story.workspace_id,
			date: dateOnly(first + k * DAY),
			minutes: 60 * (1 + ((n + k) % 8)),
			current: assignment.current,
			created_at: assignment.created_at,
			updated_at: assignment.created_at,
			external_reference_ids: [],
		});
	}
	return out;
}

module.exports = { seedKantata, allocationDays, externalReference, fixtures, stamp };

'use strict';
// Seeded Smartsheet Resource Management (10,000ft) data: users, placeholders, projects with
// phases, leave types, status options and assignments. IDs are integers and times are UTC with
// "Z", as in the recorded responses. `fixtures` have fixed IDs whatever the seed and size.

const { createRandom, personName, projectName } = require('../../lib/random');
const { isoUtc, dateOnly, DAY } = require('../../lib/time');

const START = Date.parse('2024-01-02T09:00:00Z');
const SPAN_DAYS = 650;

const fixtures = {
	/** A user to create assignments for (the account owner). */
	userId: 30256,
	/** An active project without seeded assignments. */
	projectId: 183760,
	/** A phase (child project) of that project. */
	phaseId: 183761,
	placeholderId: 900001,
	leaveTypeId: 90001,
	statusOptionId: 1,
};

function seedRm(seed, size) {
	const rng = createRandom(`rm:${seed}`);
	const users = new Map();
	const placeholders = new Map();
	const projects = new Map();
	const leaveTypes = new Map();
	const assignments = new Map();
	const created = isoUtc(START - 30 * DAY);

	const userCount = Math.max(10, Math.ceil(size / 20));
	for (let i = 0; i < userCount; i++) {
		const [first, last] = i === 0 ? ['Sandbox', 'Owner'] : personName(rng);
		const id = fixtures.userId + i;
		users.set(id, {
			id,
			first_name: first,
			last_name: last,
			display_name: `${first} ${last}`,
			email: `${first}.${last}${i}@example.com`.toLowerCase(),
			role: rng.pick(['Consultant', 'Developer', 'Designer', 'Project Manager']),
			discipline: rng.pick(['Engineering', 'Design', 'Delivery']),
			location: rng.pick(['London', 'Seattle', 'Berlin', 'Remote']),
			billable: true,
			archived: false,
			type: 'User',
			created_at: created,
			updated_at: created,
		});
	}
	for (let i = 0; i < 4; i++) {
		const id = fixtures.placeholderId + i;
		const title = ['Designer', 'Developer', 'Analyst', 'Tester'][i];
		placeholders.set(id, {
			id,
			title,
			role: title,
			discipline: null,
			location: null,
			type: 'PlaceholderResource',
			created_at: created,
			updated_at: created,
		});
	}

	// Project IDs step by 2 so that each project's first phase can take the next ID.
	const projectCount = Math.max(5, Math.ceil(size / 40));
	for (let i = 0; i < projectCount; i++) {
		const id = fixtures.projectId + 2 * i;
		const starts = START + rng.int(0, SPAN_DAYS - 120) * DAY;
		projects.set(id, {
			id,
			name: i === 0 ? 'Sandbox Demo Project' : projectName(rng),
			parent_id: null,
			phase_name: null,
			client: i === 0 ? 'Sandbox' : rng.pick(['Acme', 'Globex', 'Initech']),
			project_code: `P-${1000 + i}`,
			starts_at: dateOnly(starts),
			ends_at: dateOnly(starts + rng.int(60, 240) * DAY),
			archived: i !== 0 && rng.chance(0.1),
			bill_rate: 50 * rng.int(2, 6),
			created_at: created,
			updated_at: created,
		});
		if (i === 0 || rng.chance(0.4)) {
			const parent = projects.get(id);
			projects.set(id + 1, {
				...parent,
				id: id + 1,
				parent_id: id,
				phase_name: rng.pick(['Discovery', 'Build', 'Launch']),
				name: parent.name,
			});
		}
	}
	for (const [i, name] of ['Vacation', 'Sick Leave', 'Public Holiday'].entries()) {
		const id = fixtures.leaveTypeId + i;
		leaveTypes.set(id, {
			id,
			name,
			description: null,
			guid: `leave-${id}`,
			deleted_at: null,
			created_at: created,
			updated_at: created,
		});
	}
	const statusOptions = new Map(
		[
			[1, 'Planned', 'planned', 'blue_bright'],
			[2, 'In progress', 'in_progress', 'orange'],
			[3, 'Done', 'done', 'green_bright'],
		].map(([id, label, stage, color]) => [
			id,
			{ id, label, stage, color, order: id, deleted_at: null },
		]),
	);

	const people = [...users.keys()];
	const placeholderIds = [...placeholders.keys()];
	// The fixture project and phase stay empty so that tests can create there.
	const assignables = [...projects.keys()].filter(
		(id) => id !== fixtures.projectId && id !== fixtures.phaseId,
	);
	const leaveIds = [...leaveTypes.keys()];
	const gap = (SPAN_DAYS * DAY) / Math.max(1, size);
	let at = START;
	for (let i = 0; i < size; i++) {
		at += Math.floor(gap * (0.2 + 1.6 * rng()));
		const id = 186875 + i;
		const leave = rng.chance(0.08);
		const assignableId = leave ? rng.pick(leaveIds) : rng.pick(assignables);
		const project = projects.get(assignableId);
		const starts = at + rng.int(-20, 40) * DAY;
		const record = {
			id,
			user_id: !leave && rng.chance(0.05) ? rng.pick(placeholderIds) : rng.pick(people),
			assignable_id: assignableId,
			starts_at: dateOnly(starts),
			ends_at: dateOnly(starts + rng.int(0, 60) * DAY),
			bill_rate: project ? project.bill_rate : null,
			bill_rate_id: project ? 319904 + (assignableId % 1000) : null,
			repetition_id: null,
			created_at: isoUtc(at),
			updated_at: isoUtc(rng.chance(0.3) ? at + rng.int(1, 30) * DAY : at),
			all_day_assignment: true,
			resource_request_id: null,
			status: null,
			status_option_id: rng.chance(0.3) ? rng.int(1, 3) : null,
			description: rng.chance(0.4)
				? rng.pick(['Build wireframes', 'Sprint work', 'Workshop prep', 'Handover'])
				: null,
			note: null,
		};
		const mode = rng();
		if (mode < 0.7) setAllocation(record, 'percent', { percent: rng.pick([0.25, 0.5, 0.75, 1.0]) });
		else if (mode < 0.9) setAllocation(record, 'hours_per_day', { hours_per_day: rng.int(2, 8) });
		else setAllocation(record, 'fixed', { fixed_hours: 8 * rng.int(1, 15) });
		assignments.set(id, record);
	}

	return {
		users,
		placeholders,
		projects,
		leaveTypes,
		statusOptions,
		assignments,
		fixtures: { ...fixtures },
		next: { assignment: 186875 + size, subtask: 436 },
	};
}

const COMPANIONS = {
	percent: 'percent',
	hours_per_day: 'hours_per_day',
	fixed: 'fixed_hours',
	fixed_hours: 'fixed_hours',
};

/** Sets the mode and keeps only its companion field ("only present when allocation_mode is ..."). */
function setAllocation(record, mode, values) {
	const keep = COMPANIONS[mode];
	const value = values[keep] ?? record[keep] ?? (mode === 'percent' ? 1.0 : undefined);
	for (const key of ['percent', 'hours_per_day', 'fixed_hours']) delete record[key];
	record.allocation_mode = mode;
	record[keep] = value;
}

module.exports = { seedRm, setAllocation, COMPANIONS, fixtures };

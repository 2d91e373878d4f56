'use strict';
// Input items for a bulk Create that cannot clash with what the sandbox holds, for the benchmark
// and the concurrency suites: Kantata (task, project resource of the task's project) and Xurrent
// (task, person) pairs not assigned yet, Paymo (user, task) pairs not assigned yet (the fixture
// task first), Smartsheet RM users on the fixture project on distinct days.

function kantata(state, take) {
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
}

function xurrent(state, take) {
	for (const task of state.tasks.values()) {
		const assigned = new Set(task.assignmentIds.map((id) => state.assignments.get(id).assignee.id));
		for (const personId of state.people.keys())
			if (!assigned.has(personId)) take({ taskId: String(task.id), assigneeId: String(personId) });
	}
}

function paymo(state, take) {
	const taken = new Set([...state.userstasks.values()].map((r) => `${r.user_id}:${r.task_id}`));
	const tasks = [
		state.fixtures.taskId,
		...[...state.tasks.keys()].filter((id) => id !== state.fixtures.taskId),
	];
	for (const taskId of tasks)
		for (const userId of state.users.keys())
			if (!taken.has(`${userId}:${taskId}`))
				take({ userId: String(userId), taskId: String(taskId) });
}

function rm(state, take, count) {
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
}

const BY_VENDOR = { kantata, xurrent, paymo, rm };

/** `count` create inputs for the vendor; `states` is the sandbox's `state` (all vendors). */
function freeCreateInputs(states, vendor, count) {
	const items = [];
	const take = (item) => {
		if (items.length < count) items.push(item);
	};
	BY_VENDOR[vendor](states[vendor], take, count);
	if (items.length < count) throw new Error(`only ${items.length} free ${vendor} create inputs`);
	return items;
}

module.exports = { freeCreateInputs };

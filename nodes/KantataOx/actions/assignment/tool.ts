import { toolDescriptionFields } from '../../../shared/toolUse';

/** What an AI agent is told about each operation (see toolDescriptionFields). */
export const toolDescriptions = toolDescriptionFields({
	getAll:
		'List Kantata OX assignments (which user or project resource works on which task, called a story). Filters, all optional: Assignee ID (user), Resource ID, Story ID (task), Workspace ID (project), Status (active by default; inactive = unassigned), created/updated dates in ISO 8601. Returns at most Limit records (default 50) unless Return All is true. Effort is in minutes.',
	get: 'Get one Kantata OX assignment by its numeric Assignment ID. An inactive (current = false) assignment is unassigned; effort is in minutes.',
	create:
		'Assign a Kantata OX user or project resource to a task. Required: Story ID (numeric task ID) and exactly one of Assignee ID (numeric user ID) or Resource ID. Optional: Estimated Minutes (whole minutes, 0 or more). Returns the new assignment.',
	update:
		'Change a Kantata OX assignment. Required: Assignment ID (numeric) and at least one change: Assignee ID or Resource ID (not both), Estimated Minutes (whole minutes), Current (false unassigns, true reactivates). The task cannot be changed. Returns the updated assignment.',
	ensureAssigned:
		'Make sure a Kantata OX user or project resource is assigned to a task, safe to repeat. Required: Story ID (numeric task ID) and exactly one of Assignee ID (numeric user ID) or Resource ID. Optional: Estimated Minutes (whole minutes). Looks the pair up first, then creates it, reactivates an unassigned one, updates a differing estimate or leaves it alone; the output says which in `action` (created, reactivated, updated, unchanged).',
	ensureUnassigned:
		'Make sure a Kantata OX user or project resource is not assigned to a task, safe to repeat. Required: Story ID (numeric task ID) and exactly one of Assignee ID (numeric user ID) or Resource ID. Unassigns (sets inactive) the matching assignment; returns { deleted: true, id }, or { deleted: false, reason } when it was not found or already unassigned.',
	delete:
		'Unassign a Kantata OX assignment by its numeric Assignment ID. Kantata OX keeps the record as inactive (current = false); Update with Current = true reactivates it. Returns { deleted: true, id }.',
});

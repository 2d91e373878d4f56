import { toolDescriptionFields } from '../../../shared/toolUse';

/** What an AI agent is told about each operation (see toolDescriptionFields). */
export const toolDescriptions = toolDescriptionFields({
	getAll:
		'List Paymo task assignments (which user is assigned to which task). Paymo requires a filter: Filter By "user" with User ID, or "task" with Task ID (numeric IDs; several separated by commas). Returns at most Limit records (default 50) unless Return All is true. Paymo allows about 5 requests per 5 seconds, so large lists are slow. Assignments carry no effort or dates.',
	get: 'Get one Paymo task assignment by its numeric Assignment ID. It links one user to one task.',
	create:
		'Assign a Paymo user to a task. Required: User ID (numeric) and Task ID (numeric). Returns the new assignment with its id.',
	update:
		'Move a Paymo task assignment to another user or task. Required: Assignment ID (numeric) and at least one of User ID or Task ID. Returns the updated assignment.',
	ensureAssigned:
		'Make sure a Paymo user is assigned to a task, safe to repeat. Required: User ID (numeric) and Task ID (numeric). Looks the pair up first and creates it only when missing; the output says which in `action` (created or unchanged).',
	ensureUnassigned:
		'Make sure a Paymo user is not assigned to a task, safe to repeat. Required: User ID (numeric) and Task ID (numeric). Deletes the matching assignment; returns { deleted: true, id }, or { deleted: false, reason: "not found" } when there was none.',
	delete:
		'Delete a Paymo task assignment by its numeric Assignment ID (the user is no longer assigned to the task). Returns { deleted: true, id }.',
});

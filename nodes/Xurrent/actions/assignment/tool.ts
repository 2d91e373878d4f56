import { toolDescriptionFields } from '../../../shared/toolUse';

/**
 * What an AI agent is told about each operation (see toolDescriptionFields). Delete All has no
 * text: it is not offered to agents (see deleteAll.operation.ts).
 */
export const toolDescriptions = toolDescriptionFields({
	getAll:
		'List the assignments of one Xurrent project task. Required: Project Task ID (numeric). Returns at most Limit records (default 50) unless Return All is true. Planned effort is in minutes.',
	get: 'Get one assignment of a Xurrent project task. Required: Project Task ID and Assignment ID (both numeric). Planned effort is in minutes.',
	create:
		'Assign a person to a Xurrent project task. Required: Project Task ID (numeric) and Assignee ID (numeric person ID). Optional: Planned Effort in whole minutes (0–600000), Waiting Until (ISO 8601 date-time). Returns the new assignment.',
	update:
		'Change an assignment of a Xurrent project task. Required: Project Task ID and Assignment ID (numeric), and at least one of Assignee ID, Planned Effort (whole minutes, 0–600000) or Waiting Until (ISO 8601). Status cannot be set. Returns the updated assignment.',
	ensureAssigned:
		'Make sure a person is assigned to a Xurrent project task, safe to repeat. Required: Project Task ID (numeric) and Assignee ID (numeric person ID). Optional: Planned Effort in whole minutes (0–600000). Looks the pair up first, then creates it, updates a differing effort or leaves it alone; the output says which in `action` (created, updated, unchanged).',
	ensureUnassigned:
		'Make sure a person is not assigned to a Xurrent project task, safe to repeat. Required: Project Task ID (numeric) and Assignee ID (numeric person ID). Removes the matching assignment; returns { deleted: true, id }, or { deleted: false, reason: "not found" } when there was none.',
	delete:
		'Remove one assignment from a Xurrent project task. Required: Project Task ID and Assignment ID (both numeric). Returns { deleted: true, id }. Removing all assignments of a task at once is not available to agents.',
});

import { toolDescriptionFields } from '../../../shared/toolUse';

/** What an AI agent is told about each operation (see toolDescriptionFields). */
export const toolDescriptions = toolDescriptionFields({
	getAll:
		'List Smartsheet Resource Management assignments (a user or placeholder scheduled on a project, phase or leave type for a date range). Scope: all, user (User ID), project (Project ID) or placeholder (Placeholder ID). Optional From/To dates (YYYY-MM-DD) keep assignments overlapping that range. Returns at most Limit records (default 50) unless Return All is true.',
	get: 'Get one Smartsheet Resource Management assignment by its numeric Assignment ID (Scope "none"), or only if it belongs to a given user or project.',
	create:
		'Schedule a user or placeholder in Smartsheet Resource Management. Required: User ID (or Placeholder ID), Assignable ID (numeric project, phase or leave type ID), Start Date and End Date (YYYY-MM-DD). Allocation: Percent (0–100, of the person’s capacity), Hours Per Day (0–24) or Fixed Hours (total hours). The same person may be assigned twice; this always creates a new assignment.',
	update:
		'Change a Smartsheet Resource Management assignment. Required: Assignment ID (numeric). Optional: Start Date, End Date (YYYY-MM-DD), allocation as Percent (0–100), Hours Per Day (0–24) or Fixed Hours, description, note, status. Returns the updated assignment.',
	ensureAssigned:
		'Make sure a user or placeholder is scheduled on a Smartsheet Resource Management project, phase or leave type for exactly these dates, safe to repeat. Required: User ID (or Placeholder ID), Assignable ID (numeric), Start Date and End Date (YYYY-MM-DD). Optional allocation: Percent (0–100), Hours Per Day (0–24) or Fixed Hours. Looks up the same person, assignable and dates first, then creates, updates what differs or leaves it alone; the output says which in `action` (created, updated, unchanged).',
	ensureUnassigned:
		'Make sure a user or placeholder is not scheduled on a Smartsheet Resource Management assignable for these dates, safe to repeat. Required: User ID (or Placeholder ID), Assignable ID (numeric), Start Date and End Date (YYYY-MM-DD). Deletes each matching assignment for good; returns { deleted: true, id }, or { deleted: false, reason: "not found" } when there was none.',
	delete:
		'Delete a Smartsheet Resource Management assignment for good (no undo). Required: Assignment ID and Delete Through, the user (User ID), placeholder (Placeholder ID) or project (Project ID) it belongs to, all IDs numeric. Returns { deleted: true, id }.',
});

import type { IDataObject } from 'n8n-workflow';

import type { OutputShape, SimplifiedAssignment } from '../shared/output';
import { idText, isRecord, textOrNull } from '../shared/records';

/**
 * A Paymo task assignment ("userstask") in the shared shape. The record holds bare IDs; names,
 * project and due date come from the included user and task (Include), so they are known only
 * when asked for. Paymo tasks document no start date and assignments no effort or status.
 * Paymo deletes an assignment outright, so every record it returns is active.
 */
export function simplifyAssignment(record: IDataObject): SimplifiedAssignment {
	const user = isRecord(record.user) ? record.user : undefined;
	const task = isRecord(record.task) ? record.task : undefined;
	const userId = idText(record.user_id);
	return {
		id: idText(record.id) ?? '',
		vendor: 'paymo',
		assigneeId: userId,
		assigneeType: userId ? 'user' : null,
		assigneeName: textOrNull(user?.name),
		taskId: idText(record.task_id),
		taskName: textOrNull(task?.name),
		projectId: idText(task?.project_id),
		startsOn: null,
		endsOn: textOrNull(task?.due_date),
		effortMinutes: null,
		effortMinutesPerDay: null,
		allocationPercent: null,
		status: null,
		active: true,
		createdAt: textOrNull(record.created_on),
		updatedAt: textOrNull(record.updated_on),
	};
}

export const paymoOutput: OutputShape = { simplify: simplifyAssignment };

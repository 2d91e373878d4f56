import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OutputShape, SimplifiedAssignment } from '../shared/output';
import { idText, isRecord, numberOrNull, textOrNull } from '../shared/records';
import { readTaskId } from './actions/assignment/fields';

/**
 * A Xurrent project task assignment in the shared shape. The assignee is a nested person with
 * its name; planned_effort is already in minutes. The record does not name its project task
 * (it is in the request path, see `xurrentOutput`) and carries no dates or allocation.
 * Xurrent deletes an assignment outright, so every record it returns is active; `status` says
 * how far the assignee got (assigned, in_progress, completed, …).
 */
export function simplifyAssignment(record: IDataObject): SimplifiedAssignment {
	const assignee = isRecord(record.assignee) ? record.assignee : undefined;
	const assigneeId = idText(assignee?.id);
	return {
		id: idText(record.id) ?? '',
		vendor: 'xurrent',
		assigneeId,
		assigneeType: assigneeId ? 'user' : null,
		assigneeName: textOrNull(assignee?.name),
		taskId: null,
		taskName: null,
		projectId: null,
		startsOn: null,
		endsOn: null,
		effortMinutes: numberOrNull(record.planned_effort),
		effortMinutesPerDay: null,
		allocationPercent: null,
		status: textOrNull(record.status),
		active: true,
		createdAt: textOrNull(record.created_at),
		updatedAt: textOrNull(record.updated_at),
	};
}

/** Every operation with output works on one project task: the records' task is that one. */
export const xurrentOutput: OutputShape = {
	simplify: simplifyAssignment,
	known: (ctx: IExecuteFunctions, itemIndex: number) => ({ taskId: readTaskId(ctx, itemIndex) }),
};

import type { IDataObject } from 'n8n-workflow';

import type { OutputShape, SimplifiedAssignment } from '../shared/output';
import { idText, isRecord, numberOrNull, textOrNull } from '../shared/records';

/**
 * A Kantata OX assignment (included records already resolved into it by the envelope) in the
 * shared shape. Names, project and dates come from the included user ("assignee") and task
 * ("story"), so they are known only when Include asks for them. An assignment without a user
 * belongs to an unnamed resource, Kantata's placeholder: its ID is then the resource's.
 * Kantata has no assignment status or allocation; `current` says whether it is still assigned.
 */
export function simplifyAssignment(record: IDataObject): SimplifiedAssignment {
	const user = isRecord(record.assignee) ? record.assignee : undefined;
	const story = isRecord(record.story) ? record.story : undefined;
	const userId = idText(record.assignee_id);
	const resourceId = idText(record.resource_id);
	return {
		id: idText(record.id) ?? '',
		vendor: 'kantataOx',
		assigneeId: userId ?? resourceId,
		assigneeType: userId ? 'user' : resourceId ? 'placeholder' : null,
		assigneeName: textOrNull(user?.full_name),
		taskId: idText(record.story_id),
		taskName: textOrNull(story?.title),
		projectId: idText(story?.workspace_id),
		startsOn: textOrNull(story?.start_date),
		endsOn: textOrNull(story?.due_date),
		effortMinutes: numberOrNull(record.estimated_minutes),
		effortMinutesPerDay: null,
		allocationPercent: null,
		status: null,
		active: typeof record.current === 'boolean' ? record.current : null,
		createdAt: textOrNull(record.created_at),
		updatedAt: textOrNull(record.updated_at),
	};
}

export const kantataOxOutput: OutputShape = { simplify: simplifyAssignment };

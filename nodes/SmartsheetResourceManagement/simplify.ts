import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OutputShape, SimplifiedAssignment } from '../shared/output';
import { idText, numberOrNull, textOrNull } from '../shared/records';

/** Hours as whole minutes (7.5 h → 450). */
const minutes = (hours: number | null) => (hours === null ? null : Math.round(hours * 60));

/**
 * An allocation as the shared fields: `percent` is a fraction (0.5 → 50 %), `hours_per_day`
 * becomes minutes per day, a fixed total (`fixed_hours`, or `fixed` as the prose names it)
 * becomes effort minutes. Only the field of the record's mode counts: the documented sample
 * carries all three. The other quantities would need the person's working calendar, so they
 * stay null rather than guessed.
 */
function allocation(record: IDataObject) {
	const percent = numberOrNull(record.percent);
	const mode = textOrNull(record.allocation_mode) ?? (percent !== null ? 'percent' : null);
	return {
		effortMinutes:
			mode === 'fixed' || mode === 'fixed_hours'
				? minutes(numberOrNull(record.fixed_hours) ?? numberOrNull(record.fixed))
				: null,
		effortMinutesPerDay:
			mode === 'hours_per_day' ? minutes(numberOrNull(record.hours_per_day)) : null,
		allocationPercent:
			mode === 'percent' && percent !== null ? Math.round(percent * 10_000) / 100 : null,
	};
}

/**
 * A Smartsheet RM assignment in the shared shape. RM assigns people to an "assignable" (a
 * project, a phase, which RM treats as a project, or a leave type), not to tasks: that ID is
 * the project, the task is null. Dates are the assignment's own. RM deletes assignments
 * outright, so every record it returns is active. Its user_id may hold a placeholder, so the
 * assignee type is known only from the request (see `smartsheetRmOutput`).
 */
export function simplifyAssignment(record: IDataObject): SimplifiedAssignment {
	return {
		id: idText(record.id) ?? '',
		vendor: 'smartsheetResourceManagement',
		assigneeId: idText(record.user_id),
		assigneeType: null,
		assigneeName: null,
		taskId: null,
		taskName: null,
		projectId: idText(record.assignable_id),
		startsOn: textOrNull(record.starts_at),
		endsOn: textOrNull(record.ends_at),
		...allocation(record),
		status: textOrNull(record.status),
		active: true,
		createdAt: textOrNull(record.created_at),
		updatedAt: textOrNull(record.updated_at),
	};
}

/**
 * Create's "Assign To", and the user or placeholder scope of Get and Get Many (which finds only
 * that assignee's assignments), say what kind of assignee it is.
 */
function knownAssigneeType(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Partial<SimplifiedAssignment> {
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const chosen: unknown =
		operation === 'create'
			? ctx.getNodeParameter('assignTo', itemIndex, '')
			: operation === 'get' || operation === 'getAll'
				? ctx.getNodeParameter('scope', itemIndex, '')
				: '';
	return chosen === 'user' || chosen === 'placeholder' ? { assigneeType: chosen } : {};
}

export const smartsheetRmOutput: OutputShape = {
	simplify: simplifyAssignment,
	known: knownAssigneeType,
};

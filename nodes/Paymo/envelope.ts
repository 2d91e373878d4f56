import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRecord, recordsIn, requireRecord } from '../shared/records';

/** The assignments of a `{"userstasks": […]}` answer; included user and task are already nested. */
export const assignmentsOf = (body: unknown): IDataObject[] =>
	recordsIn(isRecord(body) ? body.userstasks : undefined);

/** The one assignment of a get/create/update answer, which Paymo still wraps in a list. */
export const singleAssignment = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: unknown,
	id: string | undefined,
): IDataObject =>
	requireRecord(ctx, itemIndex, assignmentsOf(body)[0], {
		service: 'Paymo',
		noun: 'task assignment',
		id,
		description: 'The response held no "userstasks" record. Check the ID and try again.',
	});

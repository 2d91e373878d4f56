import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRecord, recordsIn, requireRecord } from '../shared/records';

/** The assignments of a list page: Xurrent answers collections with a bare JSON array. */
export const assignmentsOf = (body: unknown): IDataObject[] => recordsIn(body);

/** The one assignment of a create/update answer (a bare JSON object). */
export const singleAssignment = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: unknown,
): IDataObject =>
	requireRecord(ctx, itemIndex, isRecord(body) ? body : undefined, {
		service: 'Xurrent',
		noun: 'assignment',
		description: 'The response body held no assignment record.',
	});

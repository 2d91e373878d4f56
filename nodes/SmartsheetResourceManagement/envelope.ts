import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRecord, recordsIn, requireRecord } from '../shared/records';

/** The records of a collection: `{ data: [...], paging: {...} }`. */
export const assignmentsOf = (body: unknown): IDataObject[] =>
	recordsIn(isRecord(body) ? body.data : undefined);

/**
 * The one assignment of a get/create/update answer. Single objects come back bare, but the
 * create-with-subtasks route is documented as wrapped in `data`, so both are accepted.
 */
export function singleAssignment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: unknown,
	id: string | undefined,
): IDataObject {
	const wrapped = isRecord(body) && Array.isArray(body.data) ? assignmentsOf(body)[0] : undefined;
	return requireRecord(
		ctx,
		itemIndex,
		wrapped ?? (isRecord(body) && body.id !== undefined ? body : undefined),
		{
			service: 'Smartsheet Resource Management',
			noun: 'assignment',
			id,
			description:
				'The response held no assignment record. Check the base URL in the credential points at the Resource Management API (…/api/v1).',
		},
	);
}

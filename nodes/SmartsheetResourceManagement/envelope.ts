import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The records of a collection: `{ data: [...], paging: {...} }`. */
export function assignmentsOf(body: unknown): IDataObject[] {
	const data = isRecord(body) ? body.data : undefined;
	return Array.isArray(data) ? data.filter(isRecord) : [];
}

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
	const assignment = wrapped ?? (isRecord(body) && body.id !== undefined ? body : undefined);
	if (!assignment) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Smartsheet Resource Management answered without the assignment${id ? ` ${id}` : ''} [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'The response held no assignment record. Check the base URL in the credential points at the Resource Management API (…/api/v1).',
			},
		);
	}
	return assignment;
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The assignments of a list page: Xurrent answers collections with a bare JSON array. */
export function assignmentsOf(body: unknown): IDataObject[] {
	return Array.isArray(body) ? body.filter(isRecord) : [];
}

/** The one assignment of a create/update answer (a bare JSON object). */
export function singleAssignment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: unknown,
): IDataObject {
	if (!isRecord(body)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Xurrent answered without the assignment [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'The response body held no assignment record.',
			},
		);
	}
	return body;
}

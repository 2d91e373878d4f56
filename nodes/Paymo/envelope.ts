import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The assignments of a `{"userstasks": […]}` answer; included user and task are already nested. */
export function assignmentsOf(body: unknown): IDataObject[] {
	const list = isRecord(body) ? body.userstasks : undefined;
	return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** The one assignment of a get/create/update answer, which Paymo still wraps in a list. */
export function singleAssignment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: unknown,
	id: string | undefined,
): IDataObject {
	const [assignment] = assignmentsOf(body);
	if (!assignment) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Paymo answered without the task assignment${id ? ` ${id}` : ''} [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'The response held no "userstasks" record. Check the ID and try again.',
			},
		);
	}
	return assignment;
}

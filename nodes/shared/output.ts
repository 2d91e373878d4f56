import type {
	DisplayCondition,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationHandler } from './router';
import { inputError } from './validate';

/**
 * The node version from which Output defaults to Simplified. Nodes saved at version 1 keep
 * getting the vendor's raw records, so no existing workflow changes shape by itself.
 */
export const SIMPLIFIED_BY_DEFAULT_SINCE = 1.1;

/**
 * One assignment in the same shape for every vendor. IDs are strings, dates are the vendor's
 * ISO 8601 text, effort is in whole minutes, allocation in percent (50 = half of the person's
 * capacity); a field the vendor's record does not carry is null.
 */
export type SimplifiedAssignment = {
	id: string;
	/** The node's name, e.g. "paymo": which vendor the record came from. */
	vendor: string;
	assigneeId: string | null;
	/** "placeholder": an unnamed resource standing in for a person, not a user. */
	assigneeType: 'user' | 'placeholder' | null;
	assigneeName: string | null;
	taskId: string | null;
	taskName: string | null;
	projectId: string | null;
	startsOn: string | null;
	endsOn: string | null;
	/** Total effort over the whole assignment. */
	effortMinutes: number | null;
	/** Effort on each working day, where the vendor plans by the day. */
	effortMinutesPerDay: number | null;
	allocationPercent: number | null;
	status: string | null;
	/** False once unassigned where the vendor keeps unassigned records. */
	active: boolean | null;
	createdAt: string | null;
	updatedAt: string | null;
};

/**
 * How a vendor's records become simplified ones. `known` adds what the request itself
 * establishes but the records leave out (e.g. the task in the path); it fills only nulls.
 */
export interface OutputShape {
	simplify: (record: IDataObject) => SimplifiedAssignment;
	known?: (ctx: IExecuteFunctions, itemIndex: number) => Partial<SimplifiedAssignment>;
}

const outputChoices = [
	{
		name: 'Raw',
		value: 'raw',
		description: 'The vendor’s own record, with its own field names and units',
	},
	{
		name: 'Simplified',
		value: 'simplified',
		description:
			'The same fields for every vendor: IDs, names when known, dates, effort in minutes, allocation in percent, status',
	},
];

/**
 * The Output parameter for the given operations, twice: version 1 nodes default to Raw (their
 * output stays what it was), later versions to Simplified. Only one of the two is ever shown.
 */
export function outputOption(operations: string[]): INodeProperties[] {
	const output = (byDefault: string, versions: DisplayCondition): INodeProperties => ({
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		default: byDefault,
		description:
			'Simplified: the same fields for every vendor — the assignment ID, vendor, assigneeId, assigneeType, assigneeName, taskId, taskName, projectId, startsOn, endsOn (YYYY-MM-DD), effortMinutes, effortMinutesPerDay, allocationPercent (0–100), status, active, createdAt, updatedAt — null where the vendor has no such value. Raw: the vendor’s own record.',
		options: outputChoices,
		displayOptions: {
			show: {
				resource: ['assignment'],
				operation: operations,
				'@version': [versions],
			},
		},
	});
	return [
		output('raw', { _cnd: { lt: SIMPLIFIED_BY_DEFAULT_SINCE } }),
		output('simplified', { _cnd: { gte: SIMPLIFIED_BY_DEFAULT_SINCE } }),
	];
}

/** The item's Output choice; Raw where the operation does not offer one (e.g. Delete). */
function readOutput(ctx: IExecuteFunctions, itemIndex: number): 'raw' | 'simplified' {
	const value = ctx.getNodeParameter('output', itemIndex, 'raw') as unknown;
	if (value === 'raw' || value === 'simplified') return value;
	throw inputError(
		ctx,
		itemIndex,
		`Output must be "simplified" or "raw", got ${JSON.stringify(value)}`,
		'Choose Simplified or Raw under Output.',
	);
}

/** One operation's result in the item's chosen Output shape. */
export function shapeResult(
	ctx: IExecuteFunctions,
	itemIndex: number,
	result: IDataObject | IDataObject[],
	shape: OutputShape,
): IDataObject | IDataObject[] {
	if (readOutput(ctx, itemIndex) === 'raw') return result;
	const known = shape.known?.(ctx, itemIndex) ?? {};
	const simplify = (record: IDataObject): IDataObject => {
		const simplified: IDataObject = shape.simplify(record);
		for (const [key, value] of Object.entries(known))
			if (simplified[key] === null && value !== undefined) simplified[key] = value;
		// What the node did to the record (an "ensure" operation's created / updated / …) is the
		// node's own word, not the vendor's: it stays. No vendor's assignment has such a field.
		if (record.action !== undefined) simplified.action = record.action;
		return simplified;
	};
	return Array.isArray(result) ? result.map(simplify) : simplify(result);
}

/**
 * The operations with Output applied: the choice is read (and checked) before the operation
 * sends anything, the result shaped after. Operations without the parameter stay Raw.
 */
export function withOutput<Client>(
	operations: Record<string, OperationHandler<Client>>,
	shape: OutputShape,
): Record<string, OperationHandler<Client>> {
	const wrap = (handler: OperationHandler<Client>): OperationHandler<Client> =>
		async function (this: IExecuteFunctions, itemIndex, client) {
			readOutput(this, itemIndex);
			const result = await handler.call(this, itemIndex, client);
			return shapeResult(this, itemIndex, result, shape);
		};
	return Object.fromEntries(
		Object.entries(operations).map(([name, handler]) => [name, wrap(handler)]),
	);
}

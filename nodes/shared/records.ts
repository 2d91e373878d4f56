import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A JSON object (not an array, not null): the shape of one API record. */
export const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The records of a JSON array; anything else holds none. */
export const recordsIn = (list: unknown): IDataObject[] =>
	Array.isArray(list) ? list.filter(isRecord) : [];

/** An ID as text, or null when the record has none. */
export const idText = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/** A text field, or null when absent or not text. */
export const textOrNull = (value: unknown): string | null =>
	typeof value === 'string' ? value : null;

/** A finite number, or null. */
export const numberOrNull = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

export interface MissingRecord {
	/** The service as users know it, e.g. "Paymo". */
	service: string;
	/** What was expected, e.g. "assignment". */
	noun: string;
	/** The ID asked for, when there was one. */
	id?: string;
	/** How to find out what went wrong. */
	description: string;
}

/**
 * The one record a get/create/update answer must hold. An answer without it is an error of the
 * item, not an empty output: the call may have gone to the wrong place.
 */
export function requireRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	record: IDataObject | undefined,
	missing: MissingRecord,
): IDataObject {
	if (record) return record;
	const id = missing.id ? ` ${missing.id}` : '';
	throw new NodeOperationError(
		ctx.getNode(),
		`${missing.service} answered without the ${missing.noun}${id} [item ${itemIndex}]`,
		{ itemIndex, description: missing.description },
	);
}

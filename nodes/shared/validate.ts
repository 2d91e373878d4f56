import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Bad input stops here, with the parameter and the item named, before any request is sent. */
export function inputError(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/**
 * A record ID as a canonical decimal string. Only digits pass, so nothing the user types can
 * change the request path (no `/`, `..`, `?`, `#`, `%2F`) or empty it.
 */
export function readId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw;
	if (text === '' || text === undefined || text === null) {
		throw inputError(
			ctx,
			itemIndex,
			`${label} is empty`,
			`Enter the numeric ${label}. If it comes from an expression, check that the expression resolves to a value for this item.`,
		);
	}
	if (
		typeof text !== 'string' ||
		!/^\d+$/.test(text) ||
		!Number.isSafeInteger(Number(text)) ||
		Number(text) < 1
	) {
		throw inputError(
			ctx,
			itemIndex,
			`${label} must be a positive whole number, got ${show(raw)}`,
			`Enter the numeric ${label}, e.g. 12345, without spaces, slashes or other characters.`,
		);
	}
	return String(Number(text));
}

/** Like readId, but an empty value means "not given". */
export function readOptionalId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (
		raw === '' ||
		raw === undefined ||
		raw === null ||
		(typeof raw === 'string' && raw.trim() === '')
	) {
		return undefined;
	}
	return readId(ctx, itemIndex, name, label);
}

/** A whole number within bounds (limits, minutes, efforts). */
export function checkWholeNumber(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	itemIndex: number,
	value: unknown,
	label: string,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `between ${min} and ${max}`;
		throw inputError(
			ctx,
			itemIndex,
			`${label} must be a whole number ${range}, got ${show(value)}`,
			`Set ${label} to a whole number ${range}.`,
		);
	}
	return number;
}

/** Return All, or the Limit checked (an expression can bypass the UI's minimum and type). */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as unknown;
	if (returnAll === true || returnAll === 'true') return undefined;
	if (returnAll !== false && returnAll !== 'false') {
		throw inputError(
			ctx,
			itemIndex,
			`Return All must be true or false, got ${show(returnAll)}`,
			'Turn Return All on or off, or make its expression resolve to true or false.',
		);
	}
	return checkWholeNumber(ctx, itemIndex, ctx.getNodeParameter('limit', itemIndex, 50), 'Limit', 1);
}

/**
 * Expressions such as `{{ $now }}` hand the node a Luxon DateTime (or a Date), not a string:
 * use its ISO form.
 */
function dateText(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	const toISO = (value as { toISO?: unknown } | null)?.toISO;
	return typeof toISO === 'function' ? String(toISO.call(value) ?? '') : '';
}

/** An ISO 8601 date or date-time; returns it unchanged so the API gets what the user meant. */
export function checkDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string {
	const text = dateText(value);
	if (
		!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ||
		Number.isNaN(Date.parse(text))
	) {
		throw inputError(
			ctx,
			itemIndex,
			`${label} must be a date, got ${show(value)}`,
			`Use ISO 8601, e.g. 2026-01-31 or 2026-01-31T09:00:00Z.`,
		);
	}
	return text;
}

/** One end of a date range: its label as the user sees it, what was entered, and when that is. */
export interface RangeEnd {
	label: string;
	text: string;
	time: number;
}

/** A range whose end comes before its start can match nothing: refuse it before any request. */
export function checkRangeOrder(
	ctx: IExecuteFunctions,
	itemIndex: number,
	start: RangeEnd | undefined,
	end: RangeEnd | undefined,
): void {
	if (!start || !end || !(end.time < start.time)) return;
	throw inputError(
		ctx,
		itemIndex,
		`${end.label} (${end.text}) is before ${start.label} (${start.text})`,
		`Set ${end.label} later than ${start.label}, or remove one of the two.`,
	);
}

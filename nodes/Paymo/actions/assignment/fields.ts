import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkDate, inputError } from '../../../shared/validate';
import type { Condition } from '../../where';

export const includeOption: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	default: [],
	description: 'Related records to fetch and nest into each assignment',
	options: [
		{ name: 'Task', value: 'task', description: 'The task, as "task"' },
		{ name: 'User', value: 'user', description: 'The assigned user, as "user"' },
	],
};

/** The `include` query value; Paymo nests each included record under its key. */
export function includeQuery(include: unknown): IDataObject {
	const keys = Array.isArray(include)
		? include.filter((key) => key === 'user' || key === 'task')
		: [];
	return keys.length ? { include: keys.join(',') } : {};
}

/** One numeric ID, or several separated by commas, as a `where` condition on `field`. */
export function idCondition(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
	label: string,
): Condition {
	const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	const ids = raw.split(',').map((id) => id.trim());
	const valid = (id: string) =>
		/^\d+$/.test(id) && Number(id) >= 1 && Number.isSafeInteger(Number(id));
	if (raw.trim() === '' || !ids.every(valid)) {
		throw inputError(
			ctx,
			itemIndex,
			`${label} must be a numeric ID or IDs separated by commas, got ${JSON.stringify(value)}`,
			`Enter the numeric ${label}, e.g. 241185, or several like 241185,241186.`,
		);
	}
	const numbers = ids.map(Number);
	return numbers.length === 1
		? { field, operator: '=', value: numbers[0] }
		: { field, operator: 'in', value: numbers };
}

/**
 * A date or date-time as the Unix seconds Paymo's date filters require. A value without an offset
 * means the workflow's time zone, as n8n's date picker intends.
 */
export function unixSeconds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number {
	const text = checkDate(ctx, itemIndex, value, label).replace(' ', 'T');
	const date = DateTime.fromISO(text, { zone: ctx.getTimezone() });
	if (!date.isValid) {
		throw inputError(
			ctx,
			itemIndex,
			`${label} must be a date, got ${JSON.stringify(value)}`,
			'Use ISO 8601, e.g. 2026-01-31 or 2026-01-31T09:00:00Z.',
		);
	}
	return Math.floor(date.toSeconds());
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ReferenceSpec } from '../../../shared/lookup/locator';
import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference } from '../../../shared/lookup/reference';
import { checkDate, inputError, readId } from '../../../shared/validate';
import { references } from '../../methods/references';

/** The route prefix each scope adds in front of `/assignments`. */
const scopes: Record<string, { param: string; label: string; segment: string }> = {
	user: { param: 'userId', label: 'User ID', segment: 'users' },
	project: { param: 'projectId', label: 'Project ID', segment: 'projects' },
	placeholder: {
		param: 'placeholderId',
		label: 'Placeholder ID',
		segment: 'placeholder_resources',
	},
};

// A placeholder is reached through its own routes (/placeholder_resources/…), the documented way.
const scopeReferences: Record<string, { spec: ReferenceSpec; description: string }> = {
	userId: {
		spec: references.user,
		description: 'The user (for a placeholder, choose Placeholder)',
	},
	projectId: { spec: references.project, description: 'The project' },
	placeholderId: { spec: references.placeholder, description: 'The placeholder' },
};

/** The ID field each scope needs, shown only when that scope is chosen in `selector`. */
export const scopeIdFields = (scopeNames: string[], selector = 'scope'): INodeProperties[] =>
	scopeNames.map((scope) => {
		const { spec, description } = scopeReferences[scopes[scope].param];
		return {
			...referenceLocator({ ...spec, required: true, description }),
			displayOptions: { show: { [selector]: [scope] } },
		};
	});

/**
 * The ID a reference parameter holds (From List, By ID, By URL, or a plain value from an
 * expression), checked; undefined when empty and `optional`.
 */
export function readReference(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	spec: ReferenceSpec,
	optional = false,
): string | undefined {
	const reference = parseReference(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, ''), spec);
	if (reference && 'id' in reference) return reference.id;
	// Empty: readId names the parameter and says how to fix it.
	return optional ? undefined : readId(ctx, itemIndex, name, spec.displayName);
}

/** The scope chosen in `selector`: its checked ID and its route prefix, e.g. `/users/5`. */
export function scopeRoute(
	ctx: IExecuteFunctions,
	itemIndex: number,
	selector: string,
): { id: string; prefix: string } {
	const scope = ctx.getNodeParameter(selector, itemIndex) as string;
	const spec = scopes[scope];
	if (!spec) {
		throw inputError(
			ctx,
			itemIndex,
			`Scope "${scope}" is not supported`,
			'Choose one of the listed scopes.',
		);
	}
	const id = readReference(ctx, itemIndex, spec.param, scopeReferences[spec.param].spec) as string;
	return { id, prefix: `/${spec.segment}/${id}` };
}

/**
 * `/users/5` for a user scope, '' for none (unless the operation has no documented unscoped
 * route); the ID is checked so it cannot change the path.
 */
export function scopePrefix(ctx: IExecuteFunctions, itemIndex: number, unscoped = true): string {
	const scope = ctx.getNodeParameter('scope', itemIndex) as string;
	if (unscoped && (scope === 'all' || scope === 'none')) return '';
	return scopeRoute(ctx, itemIndex, 'scope').prefix;
}

/** A date as the API wants it (YYYY-MM-DD); a date-time keeps the day it was written with. */
export function readDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string {
	return checkDate(ctx, itemIndex, value, label).slice(0, 10);
}

/** Refuses an end before the start (same day is a one-day assignment). */
export function checkDateOrder(
	ctx: IExecuteFunctions,
	itemIndex: number,
	start: { label: string; value?: string },
	end: { label: string; value?: string },
) {
	if (start.value && end.value && end.value < start.value) {
		throw inputError(
			ctx,
			itemIndex,
			`${end.label} (${end.value}) is before ${start.label} (${start.value})`,
			`Set ${end.label} on or after ${start.label}.`,
		);
	}
}

/** A number within bounds; empty or non-numeric values are refused, not sent. */
function readNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	min: number,
	max: number,
): number {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) {
		throw inputError(
			ctx,
			itemIndex,
			`${label} is empty`,
			`The chosen allocation mode needs ${label}. If it comes from an expression, check that the expression resolves to a number for this item.`,
		);
	}
	const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < min || number > max) {
		const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
		throw inputError(
			ctx,
			itemIndex,
			`${label} must be a number ${range}, got ${typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw)}`,
			`Set ${label} to a number ${range}.`,
		);
	}
	return number;
}

/** Mode option → the API's mode, its companion field, and how the UI value maps to it. */
const modes: Record<
	string,
	{
		apiMode: string;
		key: string;
		param: string;
		label: string;
		max: number;
		toApi?: (n: number) => number;
	}
> = {
	percent: {
		apiMode: 'percent',
		key: 'percent',
		param: 'percent',
		label: 'Percent',
		max: 100,
		// The API takes a fraction (0.5 = 50 %); rounding keeps 33.3 from becoming 0.33299999….
		toApi: (n) => Math.round(n * 10_000) / 1_000_000,
	},
	hoursPerDay: {
		apiMode: 'hours_per_day',
		key: 'hours_per_day',
		param: 'hoursPerDay',
		label: 'Hours Per Day',
		max: 24,
	},
	// The vendor's prose names the mode "fixed" and its field "fixed_hours".
	fixed: {
		apiMode: 'fixed',
		key: 'fixed_hours',
		param: 'fixedHours',
		label: 'Fixed Hours',
		max: Infinity,
	},
};

const modeOptions = [
	{
		name: 'Fixed Hours',
		value: 'fixed',
		description: 'A total number of hours over the whole assignment',
	},
	{ name: 'Hours Per Day', value: 'hoursPerDay', description: 'Hours on each working day' },
	{
		name: 'Percent of Capacity',
		value: 'percent',
		description: 'A share of the person’s working day',
	},
];

const createMode: INodeProperties = {
	displayName: 'Allocation Mode',
	name: 'allocationMode',
	type: 'options',
	default: 'percent',
	description: 'How much of the person’s time the assignment takes',
	options: modeOptions,
};

const updateMode: INodeProperties = {
	displayName: 'Allocation Mode',
	name: 'allocationMode',
	type: 'options',
	default: 'unchanged',
	description: 'How much of the person’s time the assignment takes, or keep it as it is',
	options: [
		...modeOptions.slice(0, 2),
		{ name: 'Keep Unchanged', value: 'unchanged', description: 'Do not change the allocation' },
		...modeOptions.slice(2),
	],
};

/** The allocation mode and its companion field; Update adds "Keep Unchanged". */
export const allocationFields = (keepUnchanged: boolean): INodeProperties[] => [
	keepUnchanged ? updateMode : createMode,
	{
		displayName: 'Percent',
		name: 'percent',
		type: 'number',
		default: 100,
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		displayOptions: { show: { allocationMode: ['percent'] } },
		description:
			'Share of the person’s capacity in percent, from 0 to 100. Sent to the API as a fraction: 50 becomes 0.5.',
	},
	{
		displayName: 'Hours Per Day',
		name: 'hoursPerDay',
		type: 'number',
		default: 8,
		typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
		displayOptions: { show: { allocationMode: ['hoursPerDay'] } },
		description: 'Hours on each working day of the assignment, from 0 to 24',
	},
	{
		displayName: 'Fixed Hours',
		name: 'fixedHours',
		type: 'number',
		default: 8,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show: { allocationMode: ['fixed'] } },
		description: 'Total hours over the whole assignment, spread across its working days',
	},
];

/** `allocation_mode` plus only the matching companion field, or nothing for "Keep Unchanged". */
export function allocationBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = ctx.getNodeParameter('allocationMode', itemIndex, 'unchanged') as string;
	if (mode === 'unchanged') return {};
	const spec = modes[mode];
	if (!spec) {
		throw inputError(
			ctx,
			itemIndex,
			`Allocation Mode "${mode}" is not supported`,
			'Set Allocation Mode to percent (Percent of Capacity), hoursPerDay (Hours Per Day) or fixed (Fixed Hours).',
		);
	}
	const value = readNumber(ctx, itemIndex, spec.param, spec.label, 0, spec.max);
	return { allocation_mode: spec.apiMode, [spec.key]: spec.toApi ? spec.toApi(value) : value };
}

export const statusOptionIdField: INodeProperties = {
	displayName: 'Status Option Name or ID',
	name: 'statusOptionId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getStatusOptions' },
	default: '',
	description:
		'The work status, from the account’s status options. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const textFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Short description of the work, shown on the schedule',
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Longer note on the assignment',
	},
];

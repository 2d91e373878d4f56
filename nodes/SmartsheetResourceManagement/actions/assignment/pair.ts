import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { referenceLocator } from '../../../shared/lookup/locator';
import type { Transport } from '../../../shared/transport/createTransport';
import { assignmentsOf } from '../../envelope';
import { references } from '../../methods/references';
import { maxPageSize, smartsheetRmPages } from '../../transport';
import { checkDateOrder, readDate, readReference, scopeIdFields, scopeRoute } from './fields';

/**
 * The person, the assignable and the dates. The API keeps any number of assignments of the same
 * user to the same project (the recorded 2017 list holds two identical ones), so the dates are
 * part of what makes one "the same" [I]: another span of time is another assignment.
 */
export const pairFields = (purpose: string): INodeProperties[] => [
	{
		displayName: 'Assign To',
		name: 'assignTo',
		type: 'options',
		default: 'user',
		options: [
			{ name: 'User', value: 'user', description: 'A person of the account' },
			{ name: 'Placeholder', value: 'placeholder', description: 'A placeholder resource' },
		],
	},
	...scopeIdFields(['user', 'placeholder'], 'assignTo'),
	referenceLocator({
		...references.assignable,
		required: true,
		description: `The project, phase or leave type ${purpose}`,
	}),
	{
		displayName: 'Start Date',
		name: 'startsAt',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of the assignment (only the date part is used)',
	},
	{
		displayName: 'End Date',
		name: 'endsAt',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the assignment (only the date part is used)',
	},
];

export interface Pair {
	/** `/users/5` or `/placeholder_resources/9`: the documented routes of the person. */
	prefix: string;
	personId: number;
	assignableId: number;
	startsAt: string;
	endsAt: string;
	key: string;
}

export function readPair(ctx: IExecuteFunctions, itemIndex: number): Pair {
	const person = scopeRoute(ctx, itemIndex, 'assignTo');
	const assignableId = Number(readReference(ctx, itemIndex, 'assignableId', references.assignable));
	const date = (name: string, label: string) =>
		readDate(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex), label);
	const startsAt = date('startsAt', 'Start Date');
	const endsAt = date('endsAt', 'End Date');
	checkDateOrder(
		ctx,
		itemIndex,
		{ label: 'Start Date', value: startsAt },
		{ label: 'End Date', value: endsAt },
	);
	const key = `${person.prefix}|${assignableId}|${startsAt}|${endsAt}`;
	return {
		prefix: person.prefix,
		personId: Number(person.id),
		assignableId,
		startsAt,
		endsAt,
		key,
	};
}

/** The day before or after a YYYY-MM-DD date. */
function shiftDay(date: string, days: number): string {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The person's assignments with exactly these dates on the assignable: one request to the
 * person's list, narrowed by the documented overlap filters. Whether `from`/`to` include their
 * own day is not documented, so the window is one day wider on each side [I].
 */
export async function findPair(
	transport: Transport,
	itemIndex: number,
	pair: Pair,
): Promise<IDataObject[]> {
	const qs = { from: shiftDay(pair.startsAt, -1), to: shiftDay(pair.endsAt, 1) };
	const assignments = await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: `${pair.prefix}/assignments`, qs },
		{ strategy: smartsheetRmPages, maxPageSize, items: assignmentsOf },
	);
	return assignments.filter(
		(record) =>
			Number(record.user_id) === pair.personId &&
			Number(record.assignable_id) === pair.assignableId &&
			record.starts_at === pair.startsAt &&
			record.ends_at === pair.endsAt,
	);
}

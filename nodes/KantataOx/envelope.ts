import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireRecord } from '../shared/records';

type RecordMap = Record<string, IDataObject>;

/** Included records to resolve into each assignment: output key ← id field, top-level map. */
const includes = [
	{ as: 'assignee', idField: 'assignee_id', map: 'users' },
	{ as: 'story', idField: 'story_id', map: 'stories' },
	{
		as: 'story_allocation_days',
		idField: 'story_allocation_day_ids',
		map: 'story_allocation_days',
	},
	{ as: 'external_references', idField: 'external_reference_ids', map: 'external_references' },
] as const;

const text = (value: unknown) => (value === null || value === undefined ? value : String(value));

/**
 * The assignments of a Kantata OX envelope, in the order of `results` (the keyed maps have no
 * meaningful order and may hold included records), with included records resolved in place.
 */
export function assignmentsOf(body: unknown): IDataObject[] {
	const data = (body ?? {}) as IDataObject;
	const results = Array.isArray(data.results) ? (data.results as IDataObject[]) : [];
	const assignments = (data.assignments ?? {}) as RecordMap;
	const output: IDataObject[] = [];
	for (const ref of results) {
		const record = ref.key === 'assignments' ? assignments[String(ref.id)] : undefined;
		if (record) output.push(resolve(record, data));
	}
	return output;
}

/** Completes a record of a freshly parsed body in place: a copy would double a Return All's garbage. */
function resolve(record: IDataObject, data: IDataObject): IDataObject {
	// The API's own schema types resource_id as a number while every other ID is a string.
	const item = record;
	if ('resource_id' in record) item.resource_id = text(record.resource_id);
	for (const include of includes) {
		const map = data[include.map] as RecordMap | undefined;
		const ids = record[include.idField];
		if (!map || ids === undefined || ids === null) continue;
		item[include.as] = Array.isArray(ids)
			? ids.map((id) => map[String(id)]).filter(Boolean)
			: (map[String(ids)] ?? null);
	}
	return item;
}

/** The one assignment of a get/create/update answer. */
export const singleAssignment = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: unknown,
	id: string | undefined,
): IDataObject =>
	requireRecord(ctx, itemIndex, assignmentsOf(body)[0], {
		service: 'Kantata OX',
		noun: 'assignment',
		id,
		description:
			'The response held no assignment record. Check the ID and that the assignment is in an unarchived project and task.',
	});

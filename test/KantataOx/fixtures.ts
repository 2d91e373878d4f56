import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import type { RunOptions } from '../harness/run';
import { runNode } from '../harness/run';

// Placeholder secrets say so ('dummy'); each is unique so a leak would be found by searching for it.
export const token = 'dummy-kantata-token-9f8e7d';
export const origin = 'https://api.mavenlink.com';
export const credentials = { kantataOxApi: { accessToken: token } };

/** The API as the node reaches it: origin, auth header asserted on every request. */
export const api = () =>
	nock(origin, { reqheaders: { authorization: `Bearer ${token}`, accept: 'application/json' } });

export const assignment = (id: number | string, extra: IDataObject = {}): IDataObject => ({
	id: String(id),
	story_id: '26133885',
	assignee_id: '3711195',
	resource_id: 555,
	current: true,
	estimated_minutes: 480,
	allocated_minutes: 0,
	created_at: '2024-01-15T09:00:00-08:00',
	updated_at: '2024-01-15T09:00:00-08:00',
	...extra,
});

/** The node's output for a record: the same, with resource_id as a string like every other ID. */
export const output = (record: IDataObject): IDataObject => ({
	...record,
	resource_id: String(record.resource_id),
});

export const ids = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => from + index);

/**
 * A Kantata OX envelope: `results` in the given order, the keyed map in reverse order (map order
 * means nothing), and `meta` unless told otherwise.
 */
export function envelope(
	records: IDataObject[],
	options: {
		page?: number;
		pageCount?: number;
		total?: number;
		pageSize?: number;
		meta?: boolean;
		extra?: IDataObject;
	} = {},
): IDataObject {
	const map: Record<string, IDataObject> = {};
	for (const record of [...records].reverse()) map[String(record.id)] = record;
	const total = options.total ?? records.length;
	const body: IDataObject = {
		count: total,
		results: records.map((record) => ({ key: 'assignments', id: String(record.id) })),
		...(records.length ? { assignments: map } : {}),
		...options.extra,
	};
	if (options.meta !== false) {
		body.meta = {
			count: total,
			page_count: options.pageCount ?? 1,
			page_number: options.page ?? 1,
			page_size: options.pageSize ?? 20,
		};
	}
	return body;
}

export const run = async (
	parameters: Record<string, NodeParameterValueType>,
	options: Partial<RunOptions> = {},
) =>
	await runNode({
		node: 'kantataOx',
		credentials,
		...options,
		parameters: { resource: 'assignment', ...parameters },
	});

export const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

/** The input item index each output item is paired to. */
export const pairing = (items: Array<{ pairedItem?: unknown }>) =>
	items.map((item) => (item.pairedItem as { item: number } | undefined)?.item);

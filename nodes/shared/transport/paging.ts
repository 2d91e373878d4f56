import type { IDataObject } from 'n8n-workflow';

import { withPageContext } from './errors';
import { isRepeatedPage } from './pagination';
import type { HttpResponse, PaginationStrategy, RequestSpec } from './types';

export interface ListOptions {
	strategy: PaginationStrategy;
	maxPageSize: number;
	/** The records of one page body, in API order. */
	items: (body: unknown) => IDataObject[];
	/** Stop after this many records; undefined walks every page. */
	limit?: number;
	/** Stop at the first record this accepts (it is the last one returned). */
	until?: (record: IDataObject) => boolean;
}

/** Reads a list page by page through `request`, as the vendor's strategy leads. */
export async function readPages(
	request: (spec: RequestSpec) => Promise<HttpResponse>,
	spec: RequestSpec,
	list: ListOptions,
): Promise<IDataObject[]> {
	const pageSize = Math.min(list.limit ?? list.maxPageSize, list.maxPageSize);
	const records: IDataObject[] = [];
	// A record inserted before the read position pushes another across a page boundary, so
	// the next page would repeat it: each ID is output once.
	const seen = new Set<unknown>();
	let previous: IDataObject[] | undefined;
	let next: RequestSpec | undefined = {
		...spec,
		idempotent: true,
		qs: { ...spec.qs, ...list.strategy.first(pageSize) },
	};
	for (let page = 1; next; page++) {
		let response: HttpResponse;
		try {
			response = await request(next);
		} catch (error) {
			throw withPageContext(error as Error, page, records.length);
		}
		const items = list.items(response.body);
		// An API that ignores the page parameter answers the same page forever.
		if (isRepeatedPage(previous, items)) break;
		for (const item of items) {
			if (item.id !== undefined && item.id !== null) {
				if (seen.has(item.id)) continue;
				seen.add(item.id);
			}
			records.push(item);
			if (list.limit !== undefined && records.length >= list.limit) return records;
			if (list.until?.(item)) return records;
		}
		previous = items;
		next = list.strategy.next({ request: next, response, items, pageSize });
	}
	return records;
}

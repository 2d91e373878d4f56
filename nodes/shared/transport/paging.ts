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
	/** Pages that may be in flight at once when the first page tells how many there are. */
	concurrency?: number;
}

type Fetch = (spec: RequestSpec) => Promise<HttpResponse>;

/** Reads a list page by page through `request`, as the vendor's strategy leads. */
export async function readPages(
	request: Fetch,
	spec: RequestSpec,
	list: ListOptions,
): Promise<IDataObject[]> {
	const pageSize = Math.min(list.limit ?? list.maxPageSize, list.maxPageSize);
	const records: IDataObject[] = [];
	// A record inserted before the read position pushes another across a page boundary, so
	// the next page would repeat it: each ID is output once.
	const seen = new Set<unknown>();
	/** Takes one page's records; true when the list is complete. */
	const take = (items: IDataObject[]) => {
		for (const item of items) {
			if (item.id !== undefined && item.id !== null) {
				if (seen.has(item.id)) continue;
				seen.add(item.id);
			}
			records.push(item);
			if (list.limit !== undefined && records.length >= list.limit) return true;
			if (list.until?.(item)) return true;
		}
		return false;
	};
	const fetch = async (page: number, next: RequestSpec) => {
		try {
			return await request(next);
		} catch (error) {
			throw withPageContext(error as Error, page, records.length);
		}
	};

	let next: RequestSpec | undefined = {
		...spec,
		idempotent: true,
		qs: { ...spec.qs, ...list.strategy.first(pageSize) },
	};
	let previous: IDataObject[] | undefined;
	for (let page = 1; next; page++) {
		const response = await fetch(page, next);
		const items = list.items(response.body);
		// An API that ignores the page parameter answers the same page forever.
		if (isRepeatedPage(previous, items)) break;
		if (take(items)) return records;
		const received = { request: next, response, items, pageSize };
		if (page === 1 && (list.concurrency ?? 1) > 1 && !list.until) {
			const wanted = list.limit === undefined ? Infinity : Math.ceil(list.limit / pageSize);
			const rest = list.strategy.rest?.(received, wanted);
			if (rest) {
				await readAtOnce(rest, fetch, (r) => take(list.items(r.body)), list.concurrency ?? 1);
				return records;
			}
		}
		previous = items;
		next = list.strategy.next(received);
	}
	return records;
}

/**
 * Pages 2…N with up to `concurrency` in flight, taken strictly in API order; once the list is
 * complete no further page is started (those in flight are left to finish unread).
 */
async function readAtOnce(
	specs: RequestSpec[],
	fetch: (page: number, spec: RequestSpec) => Promise<HttpResponse>,
	take: (response: HttpResponse) => boolean,
	concurrency: number,
) {
	const started: Array<Promise<HttpResponse>> = [];
	// Once the list is complete or has failed, pages still in flight make no further attempt.
	let ended = false;
	const abandoned = () => ended;
	const startUpTo = (count: number) => {
		while (started.length < Math.min(count, specs.length)) {
			const page = started.length + 2;
			const promise = fetch(page, { ...specs[started.length], abandoned });
			// Read in order below; a page left unread after the end must not raise an alarm.
			promise.catch(() => undefined);
			started.push(promise);
		}
	};
	try {
		for (let index = 0; index < specs.length; index++) {
			startUpTo(index + concurrency);
			if (take(await started[index])) return;
		}
	} finally {
		ended = true;
	}
}

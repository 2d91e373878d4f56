import type { IDataObject } from 'n8n-workflow';

import type { PaginationStrategy, ReceivedPage, RequestSpec } from './types';

/** Decides from a full page whether it was the last one. */
export type LastPageRule = (page: ReceivedPage) => boolean;

export interface PageNumberOptions {
	pageParam: string;
	sizeParam: string;
	firstPage: number;
	isLastPage: LastPageRule;
	/** The number of pages of the whole query, where the first page's body says it. */
	pageCount?: (body: unknown) => unknown;
}

const whole = (value: unknown) =>
	typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
		? Number(value)
		: undefined;

/** `page` + `per_page` in the query; the vendor's rule says when the last page was reached. */
export function pageNumber(options: PageNumberOptions): PaginationStrategy {
	return {
		first: (pageSize) => ({
			[options.pageParam]: options.firstPage,
			[options.sizeParam]: pageSize,
		}),
		next(page) {
			if (page.items.length === 0 || options.isLastPage(page)) return undefined;
			const qs = page.request.qs ?? {};
			return {
				...page.request,
				qs: { ...qs, [options.pageParam]: Number(qs[options.pageParam]) + 1 },
			};
		},
		rest(first, pages) {
			const count = whole(options.pageCount?.(first.response.body));
			if (count === undefined) return undefined;
			if (first.items.length === 0 || options.isLastPage(first)) return [];
			const qs = first.request.qs ?? {};
			const from = Number(qs[options.pageParam]);
			const last = Math.min(count, pages) - 1 + options.firstPage;
			const specs: RequestSpec[] = [];
			for (let page = from + 1; page <= last; page++)
				specs.push({ ...first.request, qs: { ...qs, [options.pageParam]: page } });
			return specs;
		},
	};
}

/** For APIs that give no metadata: a page with fewer items than asked for is the last. */
export const isShortPage: LastPageRule = (page) => page.items.length < page.pageSize;

export interface PageCounts {
	pageNumber?: unknown;
	pageCount?: unknown;
	/** Items matched by the whole query, not the page. */
	total?: unknown;
}

/**
 * Last page by the body's metadata: page number ≥ page count, else items seen so far ≥ total,
 * else a short page.
 */
export function isLastByCounts(read: (body: unknown) => PageCounts): LastPageRule {
	return (page) => {
		const counts = read(page.response.body);
		const current = whole(counts.pageNumber);
		const pages = whole(counts.pageCount);
		if (current !== undefined && pages !== undefined) return current >= pages;
		const total = whole(counts.total);
		const requested = whole(page.request.qs?.page);
		if (total !== undefined && requested !== undefined) return requested * page.pageSize >= total;
		return isShortPage(page);
	};
}

/** The `rel="next"` target of an RFC 8288 `Link` header. */
export function nextFromLinkHeader(header: string | undefined): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(/,(?=\s*<)/)) {
		const match = /^\s*<([^>]*)>(.*)$/.exec(part);
		if (match && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2])) {
			return match[1];
		}
	}
	return undefined;
}

/** Size in the query; the `Link` response header names the next page (cursor APIs). */
export function linkHeader(sizeParam: string): PaginationStrategy {
	return {
		first: (pageSize) => ({ [sizeParam]: pageSize }),
		next(page) {
			const link = nextFromLinkHeader(page.response.headers.link);
			if (!link || page.items.length === 0) return undefined;
			return { method: 'GET', url: link, idempotent: true };
		},
	};
}

/** Whether two pages hold the same records: the API ignored the page parameter. */
export function isRepeatedPage(previous: IDataObject[] | undefined, current: IDataObject[]) {
	if (!previous || previous.length === 0 || previous.length !== current.length) return false;
	return current.every((item, index) => item.id !== undefined && item.id === previous[index].id);
}

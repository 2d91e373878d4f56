import type { IDataObject } from 'n8n-workflow';

import {
	isLastByCounts,
	isRepeatedPage,
	isShortPage,
	linkHeader,
	nextFromLinkHeader,
	pageNumber,
} from '../../nodes/shared/transport/pagination';
import type { ReceivedPage, RequestSpec } from '../../nodes/shared/transport/types';

const records = (count: number, from = 1): IDataObject[] =>
	Array.from({ length: count }, (_, index) => ({ id: String(from + index) }));

function page(
	items: IDataObject[],
	options: {
		body?: unknown;
		headers?: Record<string, string>;
		qs?: IDataObject;
		pageSize?: number;
	} = {},
): ReceivedPage {
	const request: RequestSpec = {
		method: 'GET',
		path: '/things',
		qs: options.qs ?? { page: 1, per_page: 2 },
	};
	return {
		request,
		response: { statusCode: 200, headers: options.headers ?? {}, body: options.body ?? {} },
		items,
		pageSize: options.pageSize ?? 2,
	};
}

describe('pageNumber', () => {
	const strategy = pageNumber({
		pageParam: 'page',
		sizeParam: 'per_page',
		firstPage: 1,
		isLastPage: isShortPage,
	});

	it('starts at the first page with the page size', () => {
		expect(strategy.first(200)).toEqual({ page: 1, per_page: 200 });
	});

	it('asks for the next page number and keeps the other parameters', () => {
		const next = strategy.next(page(records(2), { qs: { page: 3, per_page: 2, order: 'x' } }));
		expect(next).toEqual({
			method: 'GET',
			path: '/things',
			qs: { page: 4, per_page: 2, order: 'x' },
		});
	});

	it.each([
		['an empty page', 0],
		['a short page', 1],
	])('stops after %s', (_, count) => {
		expect(strategy.next(page(records(count)))).toBeUndefined();
	});

	it('counts from zero when the API does', () => {
		const zeroBased = pageNumber({
			pageParam: 'page',
			sizeParam: 'page_size',
			firstPage: 0,
			isLastPage: isShortPage,
		});
		expect(zeroBased.first(100)).toEqual({ page: 0, page_size: 100 });
	});
});

describe('isLastByCounts', () => {
	const rule = isLastByCounts((body) => {
		const data = body as IDataObject;
		const meta = (data.meta ?? {}) as IDataObject;
		return { pageNumber: meta.page_number, pageCount: meta.page_count, total: data.count };
	});

	it.each([
		[
			'page number below page count',
			{ meta: { page_number: 1, page_count: 3 } },
			{ page: 1 },
			2,
			false,
		],
		[
			'page number equal to page count',
			{ meta: { page_number: 3, page_count: 3 } },
			{ page: 3 },
			2,
			true,
		],
		[
			'page numbers as strings',
			{ meta: { page_number: '2', page_count: '2' } },
			{ page: 2 },
			2,
			true,
		],
		['no meta, more left by count', { count: 5 }, { page: 2 }, 2, false],
		['no meta, count reached exactly', { count: 4 }, { page: 2 }, 2, true],
		['no meta and no count, full page', {}, { page: 1 }, 2, false],
	])('%s', (_, body, qs, pageSize, expected) => {
		expect(rule(page(records(2), { body, qs, pageSize }))).toBe(expected);
	});

	it('falls back to a short page when nothing else is known', () => {
		expect(rule(page(records(1), { body: {}, pageSize: 2 }))).toBe(true);
	});
});

describe('nextFromLinkHeader', () => {
	it.each([
		['<https://a.test/x?page=2>; rel="next"', 'https://a.test/x?page=2'],
		[
			'<https://a.test/x?p=1>; rel="prev", <https://a.test/x?p=3>; rel="next"',
			'https://a.test/x?p=3',
		],
		['<https://a.test/x?c=abc,def>; rel=next', 'https://a.test/x?c=abc,def'],
		['<https://a.test/x?c=1>; rel="last next"', 'https://a.test/x?c=1'],
		['<https://a.test/x?c=1>; rel="prev"', undefined],
		['<https://a.test/x?c=1>; rel="nextish"', undefined],
		['', undefined],
		[undefined, undefined],
	])('%p → %p', (header, expected) => {
		expect(nextFromLinkHeader(header)).toBe(expected);
	});

	it('linkHeader stops when there is no next link', () => {
		const strategy = linkHeader('per_page');
		expect(strategy.first(100)).toEqual({ per_page: 100 });
		expect(
			strategy.next(page(records(2), { headers: { link: '<https://a.test/p>; rel="prev"' } })),
		).toBeUndefined();
		expect(
			strategy.next(page(records(2), { headers: { link: '<https://a.test/n>; rel="next"' } })),
		).toEqual({
			method: 'GET',
			url: 'https://a.test/n',
			idempotent: true,
		});
	});
});

describe('isRepeatedPage', () => {
	it.each([
		['no previous page', undefined, records(2), false],
		['the same records again', records(2), records(2), true],
		['the next records', records(2), records(2, 3), false],
		['a different length', records(2), records(1), false],
		['records without ids', [{}, {}], [{}, {}], false],
	])('%s', (_, previous, current, expected) => {
		expect(isRepeatedPage(previous, current)).toBe(expected);
	});
});

import type { IDataObject, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

/** One page of a vendor list: its records and the token of the next page, if any. */
export interface ListPage {
	records: IDataObject[];
	next?: string;
}

/** Whether any of a record's texts contains the typed search text (case-insensitive). */
export function containsText(filter: string | undefined, ...texts: unknown[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (!wanted) return true;
	return texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(wanted),
	);
}

/**
 * For lists whose API has no search parameter: reads pages from `token` on and keeps the records
 * that match, until `wanted` entries are found or `maxPages` pages were read (the cap keeps one
 * keystroke in the picker from walking a whole account). The returned token resumes after the
 * last page read, so scrolling continues the search.
 */
export async function filterPages(
	readPage: (token: string | undefined) => Promise<ListPage>,
	matches: (record: IDataObject) => boolean,
	token: string | undefined,
	cap: { wanted: number; maxPages: number },
): Promise<ListPage> {
	const records: IDataObject[] = [];
	let next = token;
	for (let read = 0; read < cap.maxPages; read++) {
		const page = await readPage(next);
		records.push(...page.records.filter(matches));
		next = page.next;
		if (!next || records.length >= cap.wanted) break;
	}
	return { records, next };
}

/** The picker's answer: an entry per record, and the token for more. */
export function listResult(
	page: ListPage,
	entry: (record: IDataObject) => INodeListSearchItems,
): INodeListSearchResult {
	return {
		results: page.records.map(entry),
		...(page.next ? { paginationToken: page.next } : {}),
	};
}

/** A page-number token: "2" → 2; anything else (first call, bad token) → the first page. */
export function pageNumberOf(token: string | undefined, first: number): number {
	const page = Number(token);
	return Number.isSafeInteger(page) && page >= first ? page : first;
}

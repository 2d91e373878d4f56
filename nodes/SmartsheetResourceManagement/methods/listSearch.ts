import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { lookupTransport } from '../../shared/lookup/context';
import type { ListPage } from '../../shared/lookup/search';
import { containsText, filterPages, listResult, pageNumberOf } from '../../shared/lookup/search';
import { smartsheetRmTransport } from '../transport';

/** Page size of the lists the pickers filter (the API allows up to 1000). */
const perPage = 200;
/** No search parameter exists: at most 5 pages (1,000 records) are read per picker request. */
const cap = { wanted: 50, maxPages: 5 };

/** One page of a `{ data, paging }` collection; the next page exists while `paging.next` is set. */
async function readPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	token: string | undefined,
): Promise<ListPage> {
	const page = pageNumberOf(token, 1);
	const response = await lookupTransport(ctx, smartsheetRmTransport).request(0, {
		method: 'GET',
		path,
		qs: { ...qs, page, per_page: perPage },
	});
	const body = (response.body ?? {}) as IDataObject;
	const records = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const paging = (body.paging ?? {}) as IDataObject;
	return { records, next: paging.next ? String(page + 1) : undefined };
}

async function search(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	texts: (record: IDataObject) => unknown[],
	filter: string | undefined,
	token: string | undefined,
) {
	return await filterPages(
		async (next) => await readPage(ctx, path, qs, next),
		(record) => containsText(filter, ...texts(record)),
		token,
		cap,
	);
}

/** People who can be assigned (not archived), shown as name and email. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await search(
		this,
		'/users',
		{ sort_field: 'last_name', sort_order: 'ascending' },
		(user) => [user.display_name, user.email],
		filter,
		paginationToken,
	);
	return listResult(page, (user) => ({
		name: user.email ? `${user.display_name} (${user.email})` : String(user.display_name),
		value: String(user.id),
	}));
}

/** Projects, phases shown with the project they belong to. */
const projectName = (project: IDataObject) =>
	project.parent_id && project.phase_name
		? `${project.phase_name} (phase of ${project.name})`
		: String(project.name);

export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await search(
		this,
		'/projects',
		{},
		(project) => [projectName(project)],
		filter,
		paginationToken,
	);
	return listResult(page, (project) => ({ name: projectName(project), value: String(project.id) }));
}

export async function searchPlaceholders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await search(
		this,
		'/placeholder_resources',
		{},
		(placeholder) => [placeholder.title],
		filter,
		paginationToken,
	);
	return listResult(page, (placeholder) => ({
		name: String(placeholder.title),
		value: String(placeholder.id),
	}));
}

/**
 * What an assignment can point to: projects and their phases (`with_phases=true`), then, once
 * the projects are exhausted, the account's leave types (one short list). Tokens: "<page>" while
 * projects are read, "leave" for the leave types.
 */
export async function searchAssignables(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (paginationToken !== 'leave') {
		const page = await search(
			this,
			'/projects',
			{ with_phases: true },
			(project) => [projectName(project)],
			filter,
			paginationToken,
		);
		const result = listResult(page, (project) => ({
			name: projectName(project),
			value: String(project.id),
		}));
		return { ...result, paginationToken: page.next ?? 'leave' };
	}
	const page = await search(
		this,
		'/leave_types',
		{},
		(leave) => [leave.name, 'leave'],
		filter,
		undefined,
	);
	return listResult(page, (leave) => ({
		name: `${String(leave.name)} (leave type)`,
		value: String(leave.id),
	}));
}

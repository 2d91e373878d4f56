import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { lookupTransport } from '../../shared/lookup/context';
import { containsText, filterPages, listResult, pageNumberOf } from '../../shared/lookup/search';
import { kantataOxTransport, maxPageSize } from '../transport';
import { nextPageOf, recordsOf } from './references';

/** Entries per picker page where Kantata OX searches itself; a full page where the node filters. */
const searchPageSize = 50;
/** Resources have no search parameter: at most this many pages (of 200) are read per request. */
const maxFilteredPages = 5;

async function readPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	key: string,
	qs: IDataObject,
	token: string | undefined,
	perPage: number,
) {
	const page = pageNumberOf(token, 1);
	const response = await lookupTransport(ctx, kantataOxTransport).request(0, {
		method: 'GET',
		path,
		qs: { ...qs, page, per_page: perPage },
	});
	const body = (response.body ?? {}) as IDataObject;
	return { records: recordsOf(body, key), next: nextPageOf(body, page, perPage), body };
}

const searchQuery = (filter?: string): IDataObject =>
	filter?.trim() ? { search: filter.trim() } : {};

/** Users, searched by Kantata OX (`search`), shown as name and email. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await readPage(
		this,
		'/users',
		'users',
		searchQuery(filter),
		paginationToken,
		searchPageSize,
	);
	return listResult(page, (user) => ({
		name: user.email_address ? `${user.full_name} (${user.email_address})` : String(user.full_name),
		value: String(user.id),
	}));
}

/** Projects (workspaces), searched by Kantata OX. */
export async function searchWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await readPage(
		this,
		'/workspaces',
		'workspaces',
		searchQuery(filter),
		paginationToken,
		searchPageSize,
	);
	return listResult(page, (workspace) => ({
		name: String(workspace.title),
		value: String(workspace.id),
	}));
}

/** Tasks (stories), searched by Kantata OX, shown with their project. */
export async function searchStories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await readPage(
		this,
		'/stories',
		'stories',
		{ ...searchQuery(filter), include: 'workspace' },
		paginationToken,
		searchPageSize,
	);
	const workspaces = (page.body.workspaces ?? {}) as Record<string, IDataObject>;
	return listResult(page, (story) => {
		const project = workspaces[String(story.workspace_id)]?.title;
		return {
			name: project ? `${story.title} (${project})` : String(story.title),
			value: String(story.id),
		};
	});
}

/**
 * Project resources, shown as person (or unnamed role) and project. The API has no search
 * parameter for them, so the node filters each page of 200 itself (at most 5 pages a request).
 */
export async function searchResources(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// Included people and projects of every page read, to label the matches.
	const users: Record<string, IDataObject> = {};
	const workspaces: Record<string, IDataObject> = {};
	const label = (resource: IDataObject) => {
		const user = users[String(resource.user_id)];
		const who = user ? String(user.full_name) : `Unnamed: ${String(resource.role ?? 'resource')}`;
		return {
			who,
			email: user?.email_address,
			project: workspaces[String(resource.workspace_id)]?.title,
		};
	};
	const page = await filterPages(
		async (token) => {
			const read = await readPage(
				this,
				'/workspace_resources',
				'workspace_resources',
				{ include: 'user,workspace' },
				token,
				maxPageSize,
			);
			Object.assign(users, read.body.users);
			Object.assign(workspaces, read.body.workspaces);
			return read;
		},
		(resource) => {
			const { who, email, project } = label(resource);
			return containsText(filter, who, email, project);
		},
		paginationToken,
		{ wanted: searchPageSize, maxPages: maxFilteredPages },
	);
	return listResult(page, (resource) => {
		const { who, project } = label(resource);
		return { name: project ? `${who} (${project})` : who, value: String(resource.id) };
	});
}

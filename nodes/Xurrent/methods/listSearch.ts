import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { lookupTransport } from '../../shared/lookup/context';
import { containsText, filterPages, listResult } from '../../shared/lookup/search';
import { maxPageSize, xurrentPages, xurrentTransport } from '../transport';

/**
 * Xurrent documents exact-match filters only, so the node filters pages of 100 itself, at most
 * 5 pages a request. The token is the `Link: rel="next"` URL, which the kernel only follows on
 * the credential's own origin.
 */
const cap = { wanted: 50, maxPages: 5 };

async function readPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	fields: string,
	token: string | undefined,
) {
	const transport = lookupTransport(ctx, xurrentTransport);
	const request = token
		? { method: 'GET' as const, url: token }
		: { method: 'GET' as const, path, qs: { per_page: maxPageSize, fields } };
	const response = await transport.request(0, request);
	const records = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	const next = xurrentPages.next({ request, response, items: records, pageSize: maxPageSize });
	return { records, next: next?.url };
}

/** People, shown as name and primary email. */
export async function searchPeople(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await filterPages(
		async (token) => await readPage(this, '/people', 'name,primary_email', token),
		(person) => containsText(filter, person.name, person.primary_email),
		paginationToken,
		cap,
	);
	return listResult(page, (person) => ({
		name: person.primary_email ? `${person.name} (${person.primary_email})` : String(person.name),
		value: String(person.id),
	}));
}

/** Project tasks, shown with their project. */
export async function searchProjectTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectOf = (task: IDataObject) => (task.project as IDataObject | undefined)?.name;
	const page = await filterPages(
		async (token) => await readPage(this, '/project_tasks', 'subject,project', token),
		(task) => containsText(filter, task.subject, projectOf(task)),
		paginationToken,
		cap,
	);
	return listResult(page, (task) => {
		const project = projectOf(task);
		return {
			name: project ? `${task.subject} (${String(project)})` : String(task.subject),
			value: String(task.id),
		};
	});
}

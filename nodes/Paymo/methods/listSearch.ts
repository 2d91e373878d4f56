import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { lookupTransport } from '../../shared/lookup/context';
import { listResult, pageNumberOf } from '../../shared/lookup/search';
import { maxPageSize, paymoTransport } from '../transport';
import { quoted } from './references';

/**
 * One page of a Paymo list, searched by Paymo (`where=name like "%text%"`, sections/filtering.md).
 * Paging is the undocumented 0-based `page` + `page_size` Paymo confirmed; a short page is the last.
 */
async function readPage(
	ctx: ILoadOptionsFunctions,
	key: 'users' | 'tasks',
	conditions: string[],
	filter: string | undefined,
	token: string | undefined,
	qs: IDataObject = {},
) {
	const page = pageNumberOf(token, 0);
	const text = filter?.trim();
	const where = [...conditions, ...(text ? [`name like ${quoted(`%${text}%`)}`] : [])];
	const response = await lookupTransport(ctx, paymoTransport).request(0, {
		method: 'GET',
		path: `/${key}`,
		qs: {
			...qs,
			...(where.length ? { where: where.join(' and ') } : {}),
			page,
			page_size: maxPageSize,
		},
	});
	const list = ((response.body ?? {}) as IDataObject)[key];
	const records = Array.isArray(list) ? (list as IDataObject[]) : [];
	return { records, next: records.length >= maxPageSize ? String(page + 1) : undefined };
}

/** Active users (retired ones cannot log in or be assigned), shown as name and email. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await readPage(this, 'users', ['active=true'], filter, paginationToken);
	return listResult(page, (user) => ({
		name: user.email ? `${user.name} (${user.email})` : String(user.name),
		value: String(user.id),
	}));
}

/** Tasks, shown with their project (`include=project`). */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await readPage(this, 'tasks', [], filter, paginationToken, { include: 'project' });
	return listResult(page, (task) => {
		const project = (task.project as IDataObject | undefined)?.name;
		return {
			name: project ? `${task.name} (${project})` : String(task.name),
			value: String(task.id),
		};
	});
}

import type { IDataObject } from 'n8n-workflow';

import type { ReferenceSpec } from '../../shared/lookup/locator';
import type { FindByEmail } from '../../shared/lookup/reference';
import type { Transport } from '../../shared/transport/createTransport';

/**
 * The web app's addresses ([I]: the app at app.mavenlink.com, or an account's own host, shows a
 * project as /workspaces/<id> and a task as /workspaces/<project>#tracker/<id> or /stories/<id>).
 */
export const workspaceUrl = '^\\s*https?://[^/\\s]+/workspaces/([0-9]+)(?:[/?#].*)?\\s*$';
export const storyUrl =
	'^\\s*https?://[^/\\s]+/(?:workspaces/[0-9]+/?#?(?:[^\\s]*/)?tracker/|stories/)([0-9]+)(?:[/?#].*)?\\s*$';

export const references = {
	story: {
		displayName: 'Story ID',
		name: 'storyId',
		searchListMethod: 'searchStories',
		idPlaceholder: 'e.g. 26133885',
		url: {
			regex: storyUrl,
			placeholder: 'e.g. https://app.mavenlink.com/workspaces/2100001#tracker/26133885',
		},
	},
	assignee: {
		displayName: 'Assignee ID',
		name: 'assigneeId',
		searchListMethod: 'searchUsers',
		idPlaceholder: 'e.g. 3711195',
		email: true,
	},
	resource: {
		displayName: 'Resource ID',
		name: 'resourceId',
		searchListMethod: 'searchResources',
		idPlaceholder: 'e.g. 555',
	},
	workspace: {
		displayName: 'Workspace ID',
		name: 'workspaceId',
		searchListMethod: 'searchWorkspaces',
		idPlaceholder: 'e.g. 2100001',
		url: { regex: workspaceUrl, placeholder: 'e.g. https://app.mavenlink.com/workspaces/2100001' },
	},
} satisfies Record<string, ReferenceSpec>;

/** The records of one type in a Kantata OX envelope, in the order of `results`. */
export function recordsOf(body: unknown, key: string): IDataObject[] {
	const data = (body ?? {}) as IDataObject;
	const results = Array.isArray(data.results) ? (data.results as IDataObject[]) : [];
	const map = (data[key] ?? {}) as Record<string, IDataObject>;
	return results
		.filter((ref) => ref.key === key && map[String(ref.id)])
		.map((ref) => map[String(ref.id)]);
}

/** The page after this one, from `meta` (or from `count` where an old response has no meta). */
export function nextPageOf(body: unknown, page: number, perPage: number): string | undefined {
	const data = (body ?? {}) as IDataObject;
	const meta = (data.meta ?? {}) as IDataObject;
	if (typeof meta.page_count === 'number') {
		return page < meta.page_count ? String(page + 1) : undefined;
	}
	return typeof data.count === 'number' && data.count > page * perPage
		? String(page + 1)
		: undefined;
}

/** Users whose email is exactly this one: GET /users?by_email_address= ([3P] kantata-mcp). */
export function usersByEmail(transport: Transport, itemIndex: number): FindByEmail {
	return async (email) => {
		const response = await transport.request(itemIndex, {
			method: 'GET',
			path: '/users',
			qs: { by_email_address: email },
		});
		return recordsOf(response.body, 'users').map((user) => ({
			id: String(user.id),
			name: user.full_name as string | undefined,
		}));
	};
}

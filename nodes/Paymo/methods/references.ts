import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ReferenceSpec } from '../../shared/lookup/locator';
import type { FindByEmail, Reference } from '../../shared/lookup/reference';
import { resolveReference } from '../../shared/lookup/reference';
import type { Transport } from '../../shared/transport/createTransport';

// Paymo's web app keeps its views in the address fragment, which the API documentation does not
// describe, so no By URL mode is offered. `several`: Get Many takes lists of IDs under the same
// parameter names, and n8n checks a parameter name against one definition, so every definition
// shares the list rule; Create and Update still refuse a list when they run.
export const references = {
	user: {
		displayName: 'User ID',
		name: 'userId',
		searchListMethod: 'searchUsers',
		idPlaceholder: 'e.g. 241184',
		email: true,
		several: true,
	},
	task: {
		displayName: 'Task ID',
		name: 'taskId',
		searchListMethod: 'searchTasks',
		idPlaceholder: 'e.g. 48591',
		several: true,
	},
} satisfies Record<string, ReferenceSpec>;

/** A text for a `where` value in double quotes (a quote inside would end it early). */
export const quoted = (text: string) => `"${text.replace(/"/g, '')}"`;

/** Users with exactly this email: `GET /users?where=email="…"` (sections/filtering.md, users.md). */
export function usersByEmail(transport: Transport, itemIndex: number): FindByEmail {
	return async (email) => {
		const response = await transport.request(itemIndex, {
			method: 'GET',
			path: '/users',
			qs: { where: `email=${quoted(email)}` },
		});
		const users = ((response.body ?? {}) as IDataObject).users;
		return (Array.isArray(users) ? (users as IDataObject[]) : []).map((user) => ({
			id: String(user.id),
			name: user.name as string | undefined,
		}));
	};
}

/** The user (By Email: one lookup) and the task of a create or update, as IDs; unset stays unset. */
export async function resolveUserAndTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
	user: Reference | undefined,
	task: Reference | undefined,
): Promise<{ userId?: string; taskId?: string }> {
	return {
		userId: await resolveReference(
			ctx,
			itemIndex,
			user,
			'User ID',
			usersByEmail(transport, itemIndex),
		),
		taskId: await resolveReference(ctx, itemIndex, task, 'Task ID'),
	};
}

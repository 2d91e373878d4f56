import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference } from '../../../shared/lookup/reference';
import type { Transport } from '../../../shared/transport/createTransport';
import { inputError } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { references, resolveUserAndTask } from '../../methods/references';
import { maxPageSize, paymoPages } from '../../transport';
import { buildWhere } from '../../where';

/** The user and the task: all a Paymo task assignment is. */
export const pairFields = (purpose: string): INodeProperties[] => [
	referenceLocator({ ...references.user, required: true, description: `The user ${purpose}` }),
	referenceLocator({ ...references.task, required: true, description: 'The task' }),
];

export interface Pair {
	userId: number;
	taskId: number;
	key: string;
}

/** The pair of an item, checked, a user given by email resolved (one request). */
export async function readPair(
	ctx: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<Pair> {
	const read = (name: string) => ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const user = parseReference(ctx, itemIndex, read('userId'), references.user);
	const task = parseReference(ctx, itemIndex, read('taskId'), references.task);
	if (!user || !task) {
		const label = user ? 'Task ID' : 'User ID';
		throw inputError(
			ctx,
			itemIndex,
			`${label} is empty`,
			`Choose the ${user ? 'task' : 'user'} From List or enter its numeric ID. If it comes from an expression, check that the expression resolves to a value for this item.`,
		);
	}
	const ids = await resolveUserAndTask(ctx, itemIndex, transport, user, task);
	const pair = { userId: Number(ids.userId), taskId: Number(ids.taskId) };
	return { ...pair, key: `${pair.userId}|${pair.taskId}` };
}

/** The assignments of the pair: one `where=user_id=… and task_id=…` request. */
export async function findPair(
	transport: Transport,
	itemIndex: number,
	pair: Pair,
): Promise<IDataObject[]> {
	const where = buildWhere([
		{ field: 'user_id', operator: '=', value: pair.userId },
		{ field: 'task_id', operator: '=', value: pair.taskId },
	]);
	return await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: '/userstasks', qs: { where } },
		{ strategy: paymoPages, maxPageSize, items: assignmentsOf },
	);
}

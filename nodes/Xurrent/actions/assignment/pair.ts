import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference, resolveReference } from '../../../shared/lookup/reference';
import { isRecord } from '../../../shared/records';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { peopleByEmail, references } from '../../methods/references';
import { maxPageSize, xurrentPages } from '../../transport';
import { assignmentsPath, readTaskId, taskIdField } from './fields';

/** The project task and the person: what makes an assignment "the same" one. */
export const pairFields = (purpose: string): INodeProperties[] => [
	taskIdField,
	referenceLocator({
		...references.assignee,
		required: true,
		description: `The person ${purpose}`,
	}),
];

export interface Pair {
	taskId: string;
	assigneeId: number;
	key: string;
}

/**
 * The pair of an item, checked; a person given by email is looked up (one request) only once
 * `checkRest` has checked every other value, so bad input sends nothing.
 */
export async function readPair(
	ctx: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
	checkRest: () => void = () => undefined,
): Promise<Pair> {
	const taskId = readTaskId(ctx, itemIndex);
	const reference = parseReference(
		ctx,
		itemIndex,
		ctx.getNodeParameter('assigneeId', itemIndex, '') as unknown,
		references.assignee,
	);
	if (!reference) readId(ctx, itemIndex, 'assigneeId', 'Assignee ID');
	checkRest();
	const assignee = await resolveReference(
		ctx,
		itemIndex,
		reference,
		'Assignee ID',
		peopleByEmail(transport, itemIndex),
	);
	return { taskId, assigneeId: Number(assignee), key: `${taskId}|${String(assignee)}` };
}

/**
 * The task's assignments held by the person. The list has no documented filter, so the one lookup
 * is the task's own list (100 per page: one request for nearly every task), picked here.
 */
export async function findPair(
	transport: Transport,
	itemIndex: number,
	pair: Pair,
): Promise<IDataObject[]> {
	const assignments = await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: assignmentsPath(pair.taskId) },
		{ strategy: xurrentPages, maxPageSize, items: assignmentsOf },
	);
	return assignments.filter(
		(record) => isRecord(record.assignee) && Number(record.assignee.id) === pair.assigneeId,
	);
}

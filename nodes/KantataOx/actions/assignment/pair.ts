import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference } from '../../../shared/lookup/reference';
import type { Transport } from '../../../shared/transport/createTransport';
import { inputError } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { references } from '../../methods/references';
import { kantataPages, maxPageSize } from '../../transport';
import { assignmentBody, writableFields } from './fields';

/** The task and the user or resource that make an assignment "the same" one. */
export const pairFields = (purpose: string): INodeProperties[] => [
	referenceLocator({
		...references.story,
		required: true,
		description: 'The task (story) of the assignment',
	}),
	...writableFields(purpose),
];

export interface Pair {
	storyId: number;
	/** `assignee_id` or `resource_id`, with its value: the body of a create and the lookup filter. */
	who: { assignee_id: number } | { resource_id: number };
	/** Checked Estimated Minutes etc. from `fields`, beside the pair. */
	fields: IDataObject;
	key: string;
}

/**
 * The pair of an item, checked, an assignee given by email resolved (one request); `fields` are
 * the wanted values besides the pair, read with the same rules as Create.
 */
export async function readPair(
	ctx: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
	fields: IDataObject,
): Promise<Pair> {
	const story = parseReference(
		ctx,
		itemIndex,
		ctx.getNodeParameter('storyId', itemIndex, ''),
		references.story,
	);
	if (!story || !('id' in story)) {
		throw inputError(
			ctx,
			itemIndex,
			'Story ID is empty',
			'Choose the task From List, or enter its numeric ID or its address. If it comes from an expression, check that the expression resolves to a value for this item.',
		);
	}
	const body = await assignmentBody(ctx, itemIndex, fields, '', transport);
	const { assignee_id: assigneeId, resource_id: resourceId, ...rest } = body;
	if (assigneeId === undefined && resourceId === undefined) {
		throw inputError(
			ctx,
			itemIndex,
			'Set Assignee ID or Resource ID',
			'The assignment to look for is that of a user (Assignee ID) or of a project resource (Resource ID) on the task.',
		);
	}
	const who =
		resourceId !== undefined
			? { resource_id: Number(resourceId) }
			: { assignee_id: Number(assigneeId) };
	const [[name, id]] = Object.entries(who);
	return { storyId: Number(story.id), who, fields: rest, key: `${story.id}|${name}=${id}` };
}

/**
 * The assignments of the pair, active or not, in archived projects and tasks too (Kantata's
 * default filters would hide them) and to unnamed resources: one filtered list request.
 */
export async function findPair(transport: Transport, itemIndex: number, pair: Pair) {
	const qs: IDataObject = {
		story_id: pair.storyId,
		...pair.who,
		in_unarchived_workspaces: false,
		in_unarchived_stories: false,
		order: 'created_at:asc',
	};
	if ('resource_id' in pair.who) qs.include_unnamed = true;
	return await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: '/assignments', qs },
		{ strategy: kantataPages, maxPageSize, items: assignmentsOf },
	);
}

/** Kantata OX unassigns by setting `current` to false; the record stays. */
export const isCurrent = (record: IDataObject) => record.current !== false;

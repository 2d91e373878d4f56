import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { maxPageSize, xurrentPages } from '../../transport';
import { assignmentsPath, readTaskId, taskIdField } from './fields';

const properties: INodeProperties[] = [
	taskIdField,
	assignmentIdField(
		'ID of the assignment to get. Xurrent documents no single-assignment read, so the node lists the assignments of the project task and returns this one.',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['get'] } },
	properties,
);

/**
 * Xurrent documents no GET for one assignment, only the list. The node lists (100 per page, up to
 * the page holding the assignment: one request for nearly every task) and picks, so it relies on
 * documented endpoints only, and "not found" is certain rather than guessed from a 404 of an
 * undocumented route.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const taskId = readTaskId(this, itemIndex);
	const id = readId(this, itemIndex, 'assignmentId', 'Assignment ID');
	const assignments = await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: assignmentsPath(taskId) },
		{
			strategy: xurrentPages,
			maxPageSize,
			items: assignmentsOf,
			until: (candidate) => String(candidate.id) === id,
		},
	);
	const assignment = assignments.find((candidate) => String(candidate.id) === id);
	if (!assignment) {
		const message = `Assignment ${id} was not found in project task ${taskId}`;
		throw new NodeApiError(
			this.getNode(),
			{ httpCode: '404', message },
			{
				message: `${message} [item ${itemIndex}]`,
				description: `Project task ${taskId} has ${assignments.length} assignment${assignments.length === 1 ? '' : 's'}, none with ID ${id}. Check the assignment ID and the project task ID.`,
				httpCode: '404',
				itemIndex,
			},
		);
	}
	return assignment;
}

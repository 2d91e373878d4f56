import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { referenceLocator } from '../../../shared/lookup/locator';
import { parseReference } from '../../../shared/lookup/reference';
import { checkDate, checkWholeNumber, readId } from '../../../shared/validate';
import { references } from '../../methods/references';

export const taskIdField: INodeProperties = referenceLocator({
	...references.projectTask,
	required: true,
	description: 'The project task the assignments belong to',
});

export function readTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('taskId', itemIndex, '') as unknown;
	const reference = parseReference(ctx, itemIndex, raw, references.projectTask);
	// Empty: readId names the parameter and says how to fix it.
	return reference && 'id' in reference
		? reference.id
		: readId(ctx, itemIndex, 'taskId', 'Project Task ID');
}

export const assignmentsPath = (taskId: string) => `/project_tasks/${taskId}/assignments`;

/**
 * The path of one assignment. The IDs were read with readId already; checking again here keeps
 * any future caller from building `…/assignments/`, which deletes every assignment of the task.
 */
export function assignmentPath(taskId: string, assignmentId: string): string {
	if (!/^\d+$/.test(taskId) || !/^[1-9]\d*$/.test(assignmentId)) {
		throw new Error(`Refusing to build an assignment path from "${taskId}" and "${assignmentId}"`);
	}
	return `${assignmentsPath(taskId)}/${assignmentId}`;
}

export const plannedEffortField: INodeProperties = {
	displayName: 'Planned Effort (Minutes)',
	name: 'plannedEffort',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 600000 },
	default: 0,
	description: 'Minutes the assignee is expected to work on the project task (at most 600000)',
};

export const waitingUntilField: INodeProperties = {
	displayName: 'Waiting Until',
	name: 'waitingUntil',
	type: 'dateTime',
	default: '',
	description:
		'When the assignment goes from "waiting for" back to "assigned". Xurrent uses it only while the assignment’s status is "waiting for".',
};

/**
 * The snake_case body from the camelCase fields the user set, every value checked and blanks
 * left out (Xurrent asks for blank fields to be omitted).
 */
export function effortAndWaitingBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (fields.plannedEffort !== undefined && fields.plannedEffort !== '') {
		body.planned_effort = checkWholeNumber(
			ctx,
			itemIndex,
			fields.plannedEffort,
			'Planned Effort',
			0,
			600000,
		);
	}
	if (fields.waitingUntil !== undefined && fields.waitingUntil !== '') {
		body.waiting_until = checkDate(ctx, itemIndex, fields.waitingUntil, 'Waiting Until');
	}
	return body;
}

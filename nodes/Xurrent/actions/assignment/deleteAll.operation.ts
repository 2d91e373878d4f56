import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
import { runsAsTool } from '../../../shared/toolUse';
import { inputError } from '../../../shared/validate';
import { assignmentsPath, readTaskId, taskIdField } from './fields';

const properties: INodeProperties[] = [
	{
		...taskIdField,
		description:
			'Numeric ID of the project task whose assignments are ALL removed. This cannot be undone.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['deleteAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	// An agent filling in parameters is no confirmation: one wrong task ID would wipe a task. So
	// the tool variant refuses before reading anything (its editor does not offer it either).
	if (runsAsTool(this)) {
		throw inputError(
			this,
			itemIndex,
			'Delete All is not available to AI agents',
			'It removes every assignment of a project task at once. To remove assignments, list them with Get Many and remove each one with Delete (by Assignment ID). A workflow that must clear a task can use the Xurrent node outside the agent.',
		);
	}
	const taskId = readTaskId(this, itemIndex);
	// The documented URL, with its trailing slash.
	await transport.request(itemIndex, { method: 'DELETE', path: `${assignmentsPath(taskId)}/` });
	return { deleted: true, taskId: Number(taskId) };
}

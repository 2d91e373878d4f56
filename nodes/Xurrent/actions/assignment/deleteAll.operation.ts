import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Transport } from '../../../shared/transport/createTransport';
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
	const taskId = readTaskId(this, itemIndex);
	// The documented URL, with its trailing slash.
	await transport.request(itemIndex, { method: 'DELETE', path: `${assignmentsPath(taskId)}/` });
	return { deleted: true, taskId: Number(taskId) };
}

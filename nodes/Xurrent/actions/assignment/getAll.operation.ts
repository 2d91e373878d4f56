import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readLimit } from '../../../shared/validate';
import { assignmentsOf } from '../../envelope';
import { maxPageSize, xurrentPages } from '../../transport';
import { assignmentsPath, readTaskId, taskIdField } from './fields';

const properties: INodeProperties[] = [taskIdField, ...returnAllAndLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject[]> {
	const taskId = readTaskId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	return await transport.requestAll(
		itemIndex,
		{ method: 'GET', path: assignmentsPath(taskId) },
		{ strategy: xurrentPages, maxPageSize, items: assignmentsOf, limit },
	);
}

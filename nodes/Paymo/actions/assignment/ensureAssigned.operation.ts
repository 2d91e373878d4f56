import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ensureAssigned } from '../../../shared/ensure';
import type { Transport } from '../../../shared/transport/createTransport';
import { singleAssignment } from '../../envelope';
import { findPair, pairFields, readPair } from './pair';

const properties: INodeProperties[] = [...pairFields('to assign to the task')];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['ensureAssigned'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const pair = await readPair(this, itemIndex, transport);
	return await ensureAssigned(
		{ run: transport, key: pair.key },
		{
			find: async () => await findPair(transport, itemIndex, pair),
			// A task assignment has nothing besides its user and task: found is as wanted.
			changes: () => ({}),
			create: async () => {
				const response = await transport.request(itemIndex, {
					method: 'POST',
					path: '/userstasks',
					body: { user_id: pair.userId, task_id: pair.taskId },
				});
				return singleAssignment(this, itemIndex, response.body, undefined);
			},
			// Never called: with no changes and no inactive state there is nothing to write.
			update: async (record) => record,
		},
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ensureUnassigned, onePerPair } from '../../../shared/ensure';
import type { Transport } from '../../../shared/transport/createTransport';
import { findPair, pairFields, readPair } from './pair';

const properties: INodeProperties[] = [...pairFields('to remove from the task')];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['ensureUnassigned'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject[]> {
	const pair = await readPair(this, itemIndex, transport);
	return await onePerPair(
		transport,
		pair.key,
		async () =>
			await ensureUnassigned({
				find: async () => await findPair(transport, itemIndex, pair),
				remove: async (record) => {
					const id = Number(record.id);
					await transport.request(itemIndex, { method: 'DELETE', path: `/userstasks/${id}` });
					return { deleted: true, id };
				},
			}),
	);
}

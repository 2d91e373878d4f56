import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ensureAssigned } from '../../../shared/ensure';
import { wantedFieldsCollection } from '../../../shared/ensureOperations';
import type { Transport } from '../../../shared/transport/createTransport';
import { findPair, isCurrent, pairFields, readPair } from './pair';
import { estimatedMinutesField, writeAssignment } from './write';

const properties: INodeProperties[] = [
	...pairFields('to assign to the task'),
	wantedFieldsCollection([estimatedMinutesField]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['ensureAssigned'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const pair = await readPair(this, itemIndex, transport, fields);
	const write = async (
		method: 'POST' | 'PUT',
		path: string,
		assignment: IDataObject,
		id?: string,
	) =>
		await writeAssignment(this, itemIndex, transport, { method, path, body: { assignment }, id });
	return await ensureAssigned(
		{ run: transport, key: pair.key },
		{
			find: async () => await findPair(transport, itemIndex, pair),
			isActive: isCurrent,
			changes: (record) =>
				pair.fields.estimated_minutes !== undefined &&
				record.estimated_minutes !== pair.fields.estimated_minutes
					? { estimated_minutes: pair.fields.estimated_minutes }
					: {},
			create: async () =>
				await write('POST', '/assignments', {
					story_id: pair.storyId,
					...pair.who,
					...pair.fields,
				}),
			// An unassigned record comes back by setting current to true (the documented way).
			update: async (record, changes, reactivate) =>
				await write(
					'PUT',
					`/assignments/${String(record.id)}`,
					reactivate ? { current: true, ...changes } : changes,
					String(record.id),
				),
		},
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ensureAssigned } from '../../../shared/ensure';
import { wantedFieldsCollection } from '../../../shared/ensureOperations';
import type { Transport } from '../../../shared/transport/createTransport';
import { singleAssignment } from '../../envelope';
import {
	assignmentPath,
	assignmentsPath,
	effortAndWaitingBody,
	plannedEffortField,
	waitingUntilField,
} from './fields';
import { findPair, pairFields, readPair } from './pair';

const properties: INodeProperties[] = [
	...pairFields('to assign to the project task'),
	wantedFieldsCollection([plannedEffortField, waitingUntilField]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['ensureAssigned'] } },
	properties,
);

const sameTime = (a: unknown, b: unknown) =>
	typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b);

/** The wanted fields that differ; times compare as instants (Xurrent answers in its own offset). */
function changes(wanted: IDataObject, record: IDataObject): IDataObject {
	const differ: IDataObject = {};
	if (wanted.planned_effort !== undefined && record.planned_effort !== wanted.planned_effort)
		differ.planned_effort = wanted.planned_effort;
	if (wanted.waiting_until !== undefined && !sameTime(record.waiting_until, wanted.waiting_until))
		differ.waiting_until = wanted.waiting_until;
	return differ;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	let wanted: IDataObject = {};
	const pair = await readPair(this, itemIndex, transport, () => {
		wanted = effortAndWaitingBody(this, itemIndex, fields);
	});
	const write = async (method: 'POST' | 'PATCH', path: string, body: IDataObject) =>
		singleAssignment(
			this,
			itemIndex,
			(await transport.request(itemIndex, { method, path, body })).body,
		);
	return await ensureAssigned(
		{ run: transport, key: pair.key },
		{
			find: async () => await findPair(transport, itemIndex, pair),
			changes: (record) => changes(wanted, record),
			create: async () =>
				await write('POST', assignmentsPath(pair.taskId), {
					assignee_id: pair.assigneeId,
					...wanted,
				}),
			update: async (record, differ) =>
				await write('PATCH', assignmentPath(pair.taskId, String(record.id)), differ),
		},
	);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ensureAssigned } from '../../../shared/ensure';
import { wantedFieldsCollection } from '../../../shared/ensureOperations';
import type { Transport } from '../../../shared/transport/createTransport';
import { readOptionalId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { allocationBody, allocationFields, statusOptionIdField, textFields } from './fields';
import { findPair, pairFields, readPair } from './pair';

const [modeField, ...companionFields] = allocationFields(true);

const properties: INodeProperties[] = [
	...pairFields('to assign the person to'),
	{
		...modeField,
		description:
			'How much of the person’s time the assignment takes. Keep Unchanged leaves the allocation of an existing assignment as it is, and a new one gets the API’s default (100 % of capacity).',
	},
	...companionFields,
	wantedFieldsCollection([...textFields, statusOptionIdField]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['ensureAssigned'] } },
	properties,
);

/** The wanted values besides the pair: allocation, status, description and note, as the API names them. */
function wantedFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const wanted = allocationBody(ctx, itemIndex);
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const statusOptionId = readOptionalId(
		ctx,
		itemIndex,
		'additionalFields.statusOptionId',
		'Status Option ID',
	);
	if (statusOptionId) wanted.status_option_id = Number(statusOptionId);
	for (const key of ['description', 'note'] as const) {
		if (typeof fields[key] === 'string' && fields[key] !== '') wanted[key] = fields[key];
	}
	return wanted;
}

// The API's prose names the mode "fixed", its enum "fixed_hours": both are the same mode.
const modeOf = (mode: unknown) => (mode === 'fixed_hours' ? 'fixed' : mode);
const sameNumber = (a: unknown, b: unknown) => Math.abs(Number(a) - Number(b)) <= 1e-9;

const companions = ['percent', 'hours_per_day', 'fixed_hours'];

/** The wanted values that differ from the record; an allocation is written as mode and value. */
function changes(wanted: IDataObject, record: IDataObject): IDataObject {
	const differ: IDataObject = {};
	const { allocation_mode: mode, ...rest } = wanted;
	if (mode !== undefined) {
		const companion = companions.find((key) => key in rest) ?? '';
		if (modeOf(record.allocation_mode) !== mode || !sameNumber(record[companion], rest[companion]))
			Object.assign(differ, { allocation_mode: mode, [companion]: rest[companion] });
	}
	for (const [key, value] of Object.entries(rest))
		if (!companions.includes(key) && record[key] !== value) differ[key] = value;
	return differ;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const pair = readPair(this, itemIndex);
	const wanted = wantedFields(this, itemIndex);
	const write = async (method: 'POST' | 'PUT', path: string, body: IDataObject, id?: string) =>
		singleAssignment(
			this,
			itemIndex,
			(await transport.request(itemIndex, { method, path, body })).body,
			id,
		);
	return await ensureAssigned(
		{ run: transport, key: pair.key },
		{
			find: async () => await findPair(transport, itemIndex, pair),
			changes: (record) => changes(wanted, record),
			create: async () =>
				await write('POST', `${pair.prefix}/assignments`, {
					assignable_id: pair.assignableId,
					starts_at: pair.startsAt,
					ends_at: pair.endsAt,
					...wanted,
				}),
			update: async (record, differ) =>
				await write('PUT', `/assignments/${String(record.id)}`, differ, String(record.id)),
		},
	);
}

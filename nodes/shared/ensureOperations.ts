import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ensureUnassigned } from './ensure';
import type { Transport } from './transport/createTransport';
import type { RequestSpec } from './transport/types';

/** The Additional Fields of Assign (If Not Assigned): the values an assignment should have. */
export function wantedFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Values the assignment should have; an existing one that differs is updated',
		options,
	};
}

/** How one vendor reads the pair of an item, finds its records and removes one of them. */
export interface UnassignSpec<Pair extends { key: string }> {
	/** The pair's parameters (the person and the task or assignable). */
	fields: INodeProperties[];
	/** The item's pair, every value checked before any request (an email lookup may send one). */
	readPair(ctx: IExecuteFunctions, itemIndex: number, transport: Transport): Promise<Pair> | Pair;
	/** The one filtered list request of the pair. */
	find(transport: Transport, itemIndex: number, pair: Pair): Promise<IDataObject[]>;
	isActive?(record: IDataObject): boolean;
	/** The vendor's Delete of one found record. */
	removal(pair: Pair, record: IDataObject): RequestSpec;
	/** The ID as the vendor's Delete outputs it (a number unless said otherwise). */
	outputId?(record: IDataObject): string | number;
}

/**
 * Unassign (If Assigned) of a vendor: its description and its execute. The decision is
 * `ensureUnassigned`'s, which also lets items of one run naming the same pair take turns.
 */
export function unassignOperation<Pair extends { key: string }>(spec: UnassignSpec<Pair>) {
	const outputId = spec.outputId ?? ((record: IDataObject) => Number(record.id));
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['assignment'], operation: ['ensureUnassigned'] } },
			spec.fields,
		),
		async execute(
			this: IExecuteFunctions,
			itemIndex: number,
			transport: Transport,
		): Promise<IDataObject[]> {
			const pair = await spec.readPair(this, itemIndex, transport);
			return await ensureUnassigned(
				{ run: transport, key: pair.key },
				{
					find: async () => await spec.find(transport, itemIndex, pair),
					isActive: spec.isActive,
					remove: async (record) => {
						await transport.request(itemIndex, spec.removal(pair, record));
						return { deleted: true, id: outputId(record) };
					},
				},
			);
		},
	};
}

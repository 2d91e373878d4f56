import { unassignOperation } from '../../../shared/ensureOperations';
import { findPair, isCurrent, pairFields, readPair } from './pair';

export const { description, execute } = unassignOperation({
	fields: pairFields('to unassign from the task'),
	readPair: async (ctx, itemIndex, transport) => await readPair(ctx, itemIndex, transport, {}),
	find: findPair,
	isActive: isCurrent,
	// As Delete: Kantata OX keeps the record and sets current to false.
	removal: (_pair, record) => ({ method: 'DELETE', path: `/assignments/${String(record.id)}` }),
	outputId: (record) => String(record.id),
});

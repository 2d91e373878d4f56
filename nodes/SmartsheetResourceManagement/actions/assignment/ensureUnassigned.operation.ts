import { unassignOperation } from '../../../shared/ensureOperations';
import { findPair, pairFields, readPair } from './pair';

export const { description, execute } = unassignOperation({
	fields: pairFields('to remove the person from'),
	readPair: (ctx, itemIndex) => readPair(ctx, itemIndex),
	find: findPair,
	// Deleted for good, through the person's documented route; duplicates all go.
	removal: (pair, record) => ({
		method: 'DELETE',
		path: `${pair.prefix}/assignments/${Number(record.id)}`,
	}),
});

import { unassignOperation } from '../../../shared/ensureOperations';
import { assignmentPath } from './fields';
import { findPair, pairFields, readPair } from './pair';

export const { description, execute } = unassignOperation({
	fields: pairFields('to remove from the project task'),
	readPair: async (ctx, itemIndex, transport) => await readPair(ctx, itemIndex, transport),
	find: findPair,
	// assignmentPath refuses anything but a positive ID: never the remove-all URL.
	removal: (pair, record) => ({
		method: 'DELETE',
		path: assignmentPath(pair.taskId, String(Number(record.id))),
	}),
});

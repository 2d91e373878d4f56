import { unassignOperation } from '../../../shared/ensureOperations';
import { findPair, pairFields, readPair } from './pair';

export const { description, execute } = unassignOperation({
	fields: pairFields('to remove from the task'),
	readPair,
	find: findPair,
	removal: (_pair, record) => ({ method: 'DELETE', path: `/userstasks/${Number(record.id)}` }),
});

import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { OutputShape } from '../../nodes/shared/output';
import { shapeResult } from '../../nodes/shared/output';
import { simplifyAssignment } from '../../nodes/Paymo/simplify';

/** The little of an execute context shapeResult reads: the item's Output choice. */
const contextWith = (output: unknown) =>
	({
		getNodeParameter: (name: string) => (name === 'output' ? output : undefined),
		getNode: () => ({ name: 'Node' }) as INode,
	}) as unknown as IExecuteFunctions;

const record = { id: 7, user_id: 1, task_id: 2, created_on: 'c', updated_on: 'u' };

describe('shapeResult', () => {
	test('Raw hands the result back untouched, the very same objects', () => {
		const shape: OutputShape = { simplify: simplifyAssignment };
		const list = [record];
		expect(shapeResult(contextWith('raw'), 0, list, shape)).toBe(list);
	});

	test('facts the request establishes fill only what the record left null', () => {
		const shape: OutputShape = {
			simplify: simplifyAssignment,
			known: () => ({ taskId: '99', projectId: '5' }),
		};
		expect(shapeResult(contextWith('simplified'), 0, record, shape)).toMatchObject({
			id: '7',
			taskId: '2',
			projectId: '5',
		});
	});

	test('what an operation did to the record (action) survives simplification', () => {
		const shape: OutputShape = { simplify: simplifyAssignment };
		const shaped = shapeResult(
			contextWith('simplified'),
			0,
			[{ ...record, action: 'unchanged' }],
			shape,
		);
		expect(shaped).toEqual([expect.objectContaining({ id: '7', action: 'unchanged' })]);
	});

	test('an unknown choice is an input error naming Output and the item', () => {
		const shape: OutputShape = { simplify: simplifyAssignment };
		expect(() => shapeResult(contextWith('short'), 3, record, shape)).toThrow(
			'Output must be "simplified" or "raw", got "short" [item 3]',
		);
	});
});

import { buildWhere, whereValue } from '../../nodes/Paymo/where';

describe('Paymo where syntax', () => {
	test.each([
		[42, '42'],
		[true, 'true'],
		['Sample', 'Sample'],
		['Sample Project', '"Sample Project"'],
		['tab\there', '"tab\there"'],
		[[1533, 1536], '(1533,1536)'],
		[['a b', 'c'], '("a b",c)'],
	])('value %p → %s', (value, expected) => {
		expect(whereValue(value)).toBe(expected);
	});

	test('conditions are joined with " and ", operators without spaces, "in" with spaces', () => {
		expect(
			buildWhere([
				{ field: 'user_id', operator: '=', value: 241185 },
				{ field: 'task_id', operator: 'in', value: [1533, 1536] },
				{ field: 'created_on', operator: '>=', value: 1583954441 },
				{ field: 'name', operator: '=', value: 'Sample Project' },
			]),
		).toBe(
			'user_id=241185 and task_id in (1533,1536) and created_on>=1583954441 and name="Sample Project"',
		);
	});

	test('one "in" value still gets parentheses', () => {
		expect(buildWhere([{ field: 'id', operator: 'in', value: 7 }])).toBe('id in (7)');
	});
});

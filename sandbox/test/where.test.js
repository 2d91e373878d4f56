'use strict';
// Paymo's `where` mini-language, as the sandbox parses it.

const { parseWhere, matchesWhere, splitConditions } = require('../vendors/paymo/where');

const FIELDS = { user_id: 'number', task_id: 'number', created_on: 'time', name: 'number' };

describe('Paymo where', () => {
	it('splits on " and " outside quotes and parentheses', () => {
		expect(splitConditions('user_id=1 and task_id in (1,2) AND name="a and b"')).toEqual([
			'user_id=1',
			'task_id in (1,2)',
			'name="a and b"',
		]);
	});

	it.each([
		['user_id=5', { user_id: 5 }, true],
		['user_id!=5', { user_id: 5 }, false],
		['user_id<>4', { user_id: 5 }, true],
		['task_id in (1, 2,3)', { task_id: 2 }, true],
		['task_id not in (1,2)', { task_id: 2 }, false],
		['task_id>=2 and task_id<3', { task_id: 2 }, true],
		['created_on>1704067200', { created_on: '2024-01-01T00:00:01Z' }, true],
		['created_on<=1704067200', { created_on: '2024-01-01T00:00:01Z' }, false],
		['name like "ab"', { name: 'xaby' }, true],
		['name not like ab', { name: 'xaby' }, false],
	])('%s', (text, record, expected) => {
		const { conditions, error } = parseWhere(text, FIELDS);
		expect(error).toBeUndefined();
		expect(matchesWhere(record, conditions, FIELDS)).toBe(expected);
	});

	it('names unknown fields and malformed conditions', () => {
		expect(parseWhere('colour=red', FIELDS).error).toBe('Unknown field or reference: colour');
		expect(parseWhere('user_id', FIELDS).error).toMatch(/^Invalid where condition/);
		expect(parseWhere('task_id in 1,2', FIELDS).error).toMatch(/^Invalid where condition/);
	});
});

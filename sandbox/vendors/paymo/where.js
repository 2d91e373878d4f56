'use strict';
// Paymo's `where` filter: conditions joined by " and ", each `field op value` with the operators
// of sections/filtering.md (=, !=, <>, >, >=, <, <=, like, not like, in (...), not in (...)).
// Date-time fields are compared as Unix timestamps (sections/datetime.md).

const OPERATORS =
	/^\s*([a-z_][a-z0-9_]*)\s*(not\s+like|like|not\s+in|in|!=|<>|>=|<=|=|>|<)\s*(.*?)\s*$/i;

/** Splits on " and " outside double quotes and parentheses. */
function splitConditions(text) {
	const parts = [];
	let depth = 0;
	let quoted = false;
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (!quoted && c === '(') depth += 1;
		else if (!quoted && c === ')') depth -= 1;
		if (!quoted && depth === 0 && /^\s+and\s+/i.test(text.slice(i))) {
			parts.push(current);
			current = '';
			i += /^\s+and\s+/i.exec(text.slice(i))[0].length - 1;
			continue;
		}
		current += c;
	}
	parts.push(current);
	return parts.map((p) => p.trim()).filter(Boolean);
}

const unquote = (v) => (/^".*"$/.test(v) ? v.slice(1, -1) : v);

/**
 * Parses a where string. Returns `{ conditions: [{ field, op, value }] }` or `{ error }`.
 * `fields` maps field name → 'number' | 'time'.
 */
function parseWhere(text, fields) {
	const conditions = [];
	for (const part of splitConditions(String(text))) {
		const match = OPERATORS.exec(part);
		if (!match) return { error: `Invalid where condition: ${part}` };
		const field = match[1].toLowerCase();
		const op = match[2].toLowerCase().replace(/\s+/g, ' ');
		if (!fields[field]) return { error: `Unknown field or reference: ${field}` };
		let value = match[3];
		if (op === 'in' || op === 'not in') {
			const list = /^\((.*)\)$/.exec(value);
			if (!list) return { error: `Invalid where condition: ${part}` };
			value = list[1]
				.split(',')
				.map((v) => unquote(v.trim()))
				.filter((v) => v !== '');
		} else value = unquote(value);
		conditions.push({ field, op, value });
	}
	return { conditions };
}

function compare(actual, op, expected) {
	const num = (v) => Number(v);
	switch (op) {
		case '=':
			return String(actual) === String(expected);
		case '!=':
		case '<>':
			return String(actual) !== String(expected);
		case '>':
			return num(actual) > num(expected);
		case '>=':
			return num(actual) >= num(expected);
		case '<':
			return num(actual) < num(expected);
		case '<=':
			return num(actual) <= num(expected);
		case 'in':
			return expected.map(String).includes(String(actual));
		case 'not in':
			return !expected.map(String).includes(String(actual));
		case 'like':
		case 'not like': {
			const found = String(actual)
				.toLowerCase()
				.includes(String(expected).replace(/%/g, '').toLowerCase());
			return op === 'like' ? found : !found;
		}
		default:
			return false;
	}
}

/** Whether a record passes every condition. */
function matchesWhere(record, conditions, fields) {
	return conditions.every(({ field, op, value }) => {
		const raw = record[field];
		const actual = fields[field] === 'time' ? Math.floor(Date.parse(raw) / 1000) : raw;
		return compare(actual, op, value);
	});
}

module.exports = { parseWhere, matchesWhere, splitConditions };

type Scalar = string | number | boolean;

/** One `where` condition: `field=value`, `field>=value`, `field in (a,b)`. */
export interface Condition {
	field: string;
	operator: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in';
	value: Scalar | Scalar[];
}

/** A value as the filter syntax wants it: lists in parentheses, text with spaces in double quotes. */
export function whereValue(value: Scalar | Scalar[]): string {
	if (Array.isArray(value)) return `(${value.map((entry) => whereValue(entry)).join(',')})`;
	const text = String(value);
	return /\s/.test(text) ? `"${text}"` : text;
}

/**
 * The `where` query value, conditions joined with ` and `. It stays unencoded: the HTTP client
 * encodes the whole query once, so encoding here would send `%253D`.
 */
export function buildWhere(conditions: Condition[]): string {
	return conditions
		.map(({ field, operator, value }) =>
			operator === 'in'
				? `${field} in ${whereValue(Array.isArray(value) ? value : [value])}`
				: `${field}${operator}${whereValue(value)}`,
		)
		.join(' and ');
}

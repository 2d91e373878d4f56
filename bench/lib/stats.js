'use strict';
// Small numeric helpers: median with range, formatting.

function median(values) {
	const list = values
		.filter((v) => typeof v === 'number' && Number.isFinite(v))
		.sort((a, b) => a - b);
	if (!list.length) return undefined;
	const middle = Math.floor(list.length / 2);
	return list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
}

/** { median, min, max, n } of the finite numbers in `values`. */
function summary(values) {
	const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
	if (!list.length) return undefined;
	return { median: median(list), min: Math.min(...list), max: Math.max(...list), n: list.length };
}

function round(value, digits = 0) {
	if (value === undefined) return undefined;
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** "123 (110–140)" or just "123" for a single run. */
function formatSummary(s, digits = 0, unit = '') {
	if (!s) return '—';
	const f = (v) =>
		`${round(v, digits).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
	if (s.n === 1 || s.min === s.max) return `${f(s.median)}${unit}`;
	return `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})`;
}

const formatInt = (value) =>
	value === undefined ? '—' : Math.round(value).toLocaleString('en-US');

const formatMb = (bytes) => (bytes === undefined ? '—' : `${round(bytes / 1024 / 1024, 1)} MB`);

module.exports = { median, summary, round, formatSummary, formatInt, formatMb };

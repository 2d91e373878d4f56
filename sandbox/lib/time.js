'use strict';
// The vendors format times differently: Kantata and Xurrent use a local UTC offset
// ("2013-07-31T10:43:48-07:00"), Smartsheet RM and Paymo use UTC with "Z", all without milliseconds.

const pad = (n) => String(n).padStart(2, '0');

/** "YYYY-MM-DDTHH:MM:SS±HH:MM" for an instant, shown at a fixed offset (minutes east of UTC). */
function isoWithOffset(ms, offsetMinutes) {
	const d = new Date(ms + offsetMinutes * 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}

/** "YYYY-MM-DDTHH:MM:SSZ". */
const isoUtc = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** "YYYY-MM-DD" (UTC). */
const dateOnly = (ms) => new Date(ms).toISOString().slice(0, 10);

/** A strict YYYY-MM-DD check that also rejects impossible dates such as 2024-02-31. */
function isDate(text) {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	return dateOnly(Date.parse(`${text}T00:00:00Z`)) === text;
}

const DAY = 86_400_000;

module.exports = { isoWithOffset, isoUtc, dateOnly, isDate, DAY };

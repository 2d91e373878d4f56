'use strict';
// Request parsing and response helpers shared by the vendor modules.

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the request body (bounded); resolves to a Buffer, or rejects with code 'TOO_LARGE'. */
function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(Object.assign(new Error('body too large'), { code: 'TOO_LARGE' }));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * Rails-style form fields (`assignment[story_id]=1&assignment[external_reference][service_name]=x`)
 * into nested objects, as Kantata and Smartsheet RM accept them besides JSON.
 */
function parseForm(text) {
	const out = {};
	for (const [key, value] of new URLSearchParams(text)) {
		const parts = key.replace(/\]/g, '').split('[');
		let target = out;
		for (let i = 0; i < parts.length - 1; i++) {
			if (typeof target[parts[i]] !== 'object' || target[parts[i]] === null) target[parts[i]] = {};
			target = target[parts[i]];
		}
		target[parts[parts.length - 1]] = value;
	}
	return out;
}

/**
 * The parsed body: `{ ok: true, value }` or `{ ok: false }` for malformed JSON. An empty body is
 * `value: undefined`; form bodies become objects; other content types stay text.
 */
function parseBody(buffer, contentType) {
	const text = buffer.toString('utf8');
	if (text.trim() === '') return { ok: true, value: undefined };
	const type = String(contentType || '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded'))
		return { ok: true, value: parseForm(text) };
	if (type.includes('json') || /^\s*[[{]/.test(text)) {
		try {
			return { ok: true, value: JSON.parse(text) };
		} catch {
			return { ok: false };
		}
	}
	return { ok: true, value: text };
}

/** Query string into a plain object (last value wins; every value a string). */
function queryObject(searchParams) {
	const out = {};
	for (const [key, value] of searchParams) out[key] = value;
	return out;
}

/** "true"/"1" → true, "false"/"0" → false, anything else (absent included) → undefined. */
function bool(value) {
	if (value === true || value === false) return value;
	const text = String(value ?? '').toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0') return false;
	return undefined;
}

/** A whole number from a number or numeric string, else undefined. */
function whole(value) {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
	return undefined;
}

/** Response shapes the vendor modules return; the server writes them. */
const json = (status, body, headers = {}) => ({ status, body, headers });
const empty = (status, headers = {}) => ({ status, headers, empty: true });

module.exports = { readBody, parseBody, parseForm, queryObject, bool, whole, json, empty };

'use strict';
// Injected failures for the reliability work: random ones by fraction (reproducible through the
// seed) and scripted one-shot ones queued by a test. A `cut-off` request is carried out and its
// answer stops halfway (headers and half the body, then the socket is destroyed); a `redirect`
// (scripted only) answers a 3xx pointing at the same path, on this origin or on `to`.

const { createRandom } = require('./random');

const KINDS = ['429', '429-no-retry-after', '5xx', 'drop', 'cut-off', 'redirect'];

/**
 * @param {object} options
 * @param {number} [options.rate429]              fraction answered 429 with Retry-After
 * @param {number} [options.rate429NoRetryAfter]  fraction answered 429 without Retry-After
 * @param {number} [options.rate5xx]              fraction answered with a 5xx status
 * @param {number[]|number} [options.status5xx]   which 5xx statuses (default 502, 503, 504)
 * @param {number} [options.drop]                 fraction of connections destroyed without answer
 * @param {number} [options.cutOff]               fraction carried out, answer cut off mid-body
 * @param {number} [options.retryAfterSeconds]    Retry-After value of injected 429s (default 1)
 * @param {string[]} [options.vendors]            only these vendors (default all)
 * @param {number|string} seed
 */
function createFaults(options = {}, seed = 1) {
	let config = normalise(options);
	let rng = createRandom(`faults:${seed}`);
	const queue = [];

	function normalise(o) {
		const fraction = (v) => Math.min(1, Math.max(0, Number(v) || 0));
		const statuses = [].concat(o.status5xx ?? [502, 503, 504]).map(Number);
		return {
			rate429: fraction(o.rate429),
			rate429NoRetryAfter: fraction(o.rate429NoRetryAfter),
			rate5xx: fraction(o.rate5xx),
			status5xx: statuses.length ? statuses : [503],
			drop: fraction(o.drop),
			cutOff: fraction(o.cutOff),
			retryAfterSeconds: o.retryAfterSeconds ?? 1,
			vendors: o.vendors ? [].concat(o.vendors) : undefined,
		};
	}

	/** The fault for this request, or undefined. Queued faults come first. */
	function next(vendor) {
		const queued = queue.findIndex((f) => !f.vendor || f.vendor === vendor);
		if (queued !== -1) {
			const [fault] = queue.splice(queued, 1);
			return resolve(fault);
		}
		if (config.vendors && !config.vendors.includes(vendor)) return undefined;
		// One draw per request keeps the sequence reproducible whatever the fractions are.
		let r = rng();
		for (const [kind, p] of [
			['drop', config.drop],
			['429', config.rate429],
			['429-no-retry-after', config.rate429NoRetryAfter],
			['5xx', config.rate5xx],
			['cut-off', config.cutOff],
		]) {
			if (r < p) return resolve({ type: kind });
			r -= p;
		}
		return undefined;
	}

	function resolve(fault) {
		if (!KINDS.includes(fault.type)) throw new Error(`unknown fault type ${fault.type}`);
		// Only a 5xx without a status draws, so the sequence stays as it was before other kinds.
		const status = {
			drop: () => undefined,
			'cut-off': () => undefined,
			redirect: () => fault.status ?? 302,
			'5xx': () => fault.status ?? config.status5xx[Math.floor(rng() * config.status5xx.length)],
		};
		return {
			type: fault.type,
			status: status[fault.type]?.() ?? (fault.type.startsWith('429') ? 429 : undefined),
			to: fault.type === 'redirect' ? fault.to : undefined,
			retryAfterSeconds:
				fault.type === '429' ? (fault.retryAfterSeconds ?? config.retryAfterSeconds) : undefined,
		};
	}

	return {
		next,
		/** One-shot faults for the next matching requests: [{ type, vendor?, status?, retryAfterSeconds?, to? }]. */
		enqueue(faults) {
			for (const fault of [].concat(faults)) {
				if (!KINDS.includes(fault.type)) throw new Error(`unknown fault type ${fault.type}`);
				queue.push({ ...fault });
			}
		},
		set(options) {
			config = normalise(options ?? {});
			rng = createRandom(`faults:${seed}`);
			queue.length = 0;
		},
		get config() {
			return config;
		},
		get queued() {
			return queue.length;
		},
	};
}

module.exports = { createFaults, KINDS };

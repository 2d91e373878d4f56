'use strict';
// A fixed-window request budget per vendor, as the vendors describe theirs: N requests per window;
// once spent, every request is refused with 429 until the window ends ("and for all following
// requests until the limit expires", Paymo README).

/**
 * @param {{ limit: number, windowSeconds: number }} config
 * @param {() => number} now  clock in ms (injectable for tests)
 */
function createLimiter(config, now = Date.now) {
	const windowMs = config.windowSeconds * 1000;
	let windowStart = -Infinity;
	let used = 0;

	function roll() {
		const t = now();
		if (t >= windowStart + windowMs) {
			windowStart = t;
			used = 0;
		}
		return t;
	}

	function info(t, allowed) {
		const resetMs = windowStart + windowMs;
		return {
			allowed,
			limit: config.limit,
			remaining: Math.max(0, config.limit - used),
			resetEpochSeconds: Math.ceil(resetMs / 1000),
			retryAfterSeconds: Math.max(1, Math.ceil((resetMs - t) / 1000)),
			windowSeconds: config.windowSeconds,
		};
	}

	return {
		config,
		/** Spends one request if any is left. */
		take() {
			const t = roll();
			const allowed = used < config.limit;
			if (allowed) used += 1;
			return info(t, allowed);
		},
		/** The current state without spending (for the headers of injected 429s). */
		peek() {
			const t = roll();
			return info(t, used < config.limit);
		},
		reset() {
			windowStart = -Infinity;
			used = 0;
		},
	};
}

module.exports = { createLimiter };

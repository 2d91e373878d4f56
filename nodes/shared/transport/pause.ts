/**
 * When each credential may send again (epoch ms). Vendors count requests per key, not per node
 * run, so a pause one node earned must hold for every other run using the same credential in this
 * process. Other processes (queue-mode workers) learn the same from the vendor's own headers.
 */
const pausedUntil = new Map<string, number>();

/**
 * Every pause ends a little later than asked, by a random share of it (up to a tenth, at most a
 * second): workers that hit the same window edge then do not all send again at one instant.
 * (A setting rather than a constant so that tests of pacing arithmetic can switch it off.)
 */
export const pauseJitter = { fraction: 0.1, maxMs: 1_000 };

/** Pauses the credential until `until` plus the jitter. */
export function pauseCredential(key: string, until: number, random: () => number = Math.random) {
	const now = Date.now();
	if (pausedUntil.size > 1000) {
		for (const [other, time] of pausedUntil) if (time < now) pausedUntil.delete(other);
	}
	const span = Math.max(0, until - now) * pauseJitter.fraction;
	const jitter = Math.min(pauseJitter.maxMs, span) * random();
	pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, Math.ceil(until + jitter)));
}

/** Milliseconds until the credential may send again; 0 when it may send now. */
export function pauseLeft(key: string): number {
	return Math.max(0, (pausedUntil.get(key) ?? 0) - Date.now());
}

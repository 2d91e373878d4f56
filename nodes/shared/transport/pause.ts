/**
 * When each credential may send again (epoch ms). Vendors count requests per key, not per node
 * run, so a pause one node earned must hold for the next node using the same credential.
 */
const pausedUntil = new Map<string, number>();

export function pauseCredential(key: string, until: number) {
	if (pausedUntil.size > 1000) {
		for (const [other, time] of pausedUntil) if (time < Date.now()) pausedUntil.delete(other);
	}
	pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, until));
}

/** Milliseconds until the credential may send again; 0 when it may send now. */
export function pauseLeft(key: string): number {
	return Math.max(0, (pausedUntil.get(key) ?? 0) - Date.now());
}

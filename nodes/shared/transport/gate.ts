import type { INode } from 'n8n-workflow';

import { UNMETERED_IN_FLIGHT } from '../concurrency';
import { throwIfStopped } from './wait';

/**
 * How many requests of one credential may be in flight at once, across every node run in this
 * process. The service's own answers decide:
 * - a rate-limit budget in the headers (`X-RateLimit-Remaining`): no more in flight than it has
 *   left, so parallel items never overspend a window;
 * - no such headers but the vendor spaces requests (its pacer asked for a wait): one at a time;
 * - neither: as many as the node runs allow (at most UNMETERED_IN_FLIGHT per credential),
 *   until the service refuses (429/503): then half of what was in flight, growing back by one
 *   after every that-many accepted answers.
 * Until the credential has answered once, and again after every pause, one request goes alone and
 * its answer sets the rule: a burst that opens a window cannot overrun it.
 */
interface CredentialGate {
	inFlight: number;
	/** What the service's last answer allows (Infinity: no rule of its own). */
	allowed: number;
	/** The adaptive cap after refusals (Infinity until the first). */
	cap: number;
	accepted: number;
	wake: Set<() => void>;
}

/** What one answer taught about the credential's budget. */
export interface Verdict {
	/** Requests the service's headers say are left in its window, if it said. */
	remaining?: number;
	/** Whether the vendor's pacing asked for a pause or spacing after this answer. */
	spaced: boolean;
	/** The service refused for load (429, 503): the cap halves. */
	refused: boolean;
}

const gates = new Map<string, CredentialGate>();

function gateOf(key: string): CredentialGate {
	let gate = gates.get(key);
	if (!gate) {
		gate = { inFlight: 0, allowed: 1, cap: Number.POSITIVE_INFINITY, accepted: 0, wake: new Set() };
		gates.set(key, gate);
	}
	return gate;
}

const room = (gate: CredentialGate) => Math.max(1, Math.min(gate.allowed, gate.cap));

/** Waits for a slot of the credential (or the execution's end), then takes it; true if it waited. */
export async function enterGate(
	key: string,
	signal: AbortSignal | undefined,
	node: INode,
	itemIndex: number,
): Promise<boolean> {
	const gate = gateOf(key);
	let waited = false;
	while (gate.inFlight >= room(gate)) {
		waited = true;
		throwIfStopped(signal, node, itemIndex);
		let onAbort: () => void = () => undefined;
		await new Promise<void>((resolve) => {
			onAbort = resolve;
			gate.wake.add(resolve);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
		gate.wake.delete(onAbort);
		signal?.removeEventListener('abort', onAbort);
	}
	throwIfStopped(signal, node, itemIndex);
	gate.inFlight++;
	return waited;
}

/** Gives the slot back; a verdict (when the request got an answer) updates the rule. */
export function leaveGate(key: string, verdict?: Verdict): void {
	const gate = gateOf(key);
	gate.inFlight = Math.max(0, gate.inFlight - 1);
	if (verdict) learn(gate, verdict);
	const waiting = [...gate.wake];
	gate.wake.clear();
	for (const resolve of waiting) resolve();
	if (gate.inFlight === 0 && waiting.length === 0 && gates.size > 1000) gates.delete(key);
}

function learn(gate: CredentialGate, verdict: Verdict) {
	if (verdict.refused) {
		gate.cap = Math.max(1, Math.floor((gate.inFlight + 1) / 2));
		gate.accepted = 0;
	} else if (Number.isFinite(gate.cap) && ++gate.accepted >= gate.cap) {
		gate.cap += 1;
		gate.accepted = 0;
	}
	if (verdict.remaining !== undefined) {
		// A spent window pauses the credential; after the pause one request probes the new one.
		const left = verdict.remaining > 0 ? verdict.remaining : 1;
		// Answers of parallel requests arrive in any order: while others are in flight only a
		// lower count is news (a higher one may be older); once none are, the answer is the latest.
		gate.allowed =
			gate.inFlight > 0 && Number.isFinite(gate.allowed) ? Math.min(gate.allowed, left) : left;
	} else gate.allowed = verdict.spaced || verdict.refused ? 1 : UNMETERED_IN_FLIGHT;
}

/** For tests: what the gate of a credential currently allows. */
export function gateState(key: string) {
	const gate = gates.get(key);
	return gate && { inFlight: gate.inFlight, allowed: gate.allowed, cap: gate.cap };
}

import type { IDataObject } from 'n8n-workflow';

export type AssignmentEvent = 'created' | 'updated' | 'removed';

/** One record as a poll saw it, with the times the change detection compares (epoch ms). */
export interface Observed {
	id: string;
	createdAt: number;
	updatedAt: number;
	/** Whether the record itself says it is no longer assigned (a soft delete flag). */
	removed?: boolean;
	record: IDataObject;
}

/**
 * What a polling trigger keeps between polls, in the workflow's static data (so a restart or
 * another queue-mode main carries on where the last poll stopped). Plain JSON.
 */
export interface PollState {
	/** The latest change time seen (epoch ms); the next poll asks for changes after it, less an overlap. */
	watermark: number;
	/** ID → change time of every record already handled inside the overlap window. */
	seen: Record<string, number>;
	/** ID → last known brief record of the whole scope, kept only when removals are detected by absence. */
	known?: Record<string, IDataObject>;
}

export interface Change {
	event: AssignmentEvent;
	observed: Observed;
}

/** The first state: what exists now counts as handled, so activation does not replay history. */
export function initialState(observed: Observed[], now: number): PollState {
	const state: PollState = { watermark: now, seen: {} };
	for (const item of observed) {
		state.seen[item.id] = Math.max(state.seen[item.id] ?? 0, item.updatedAt);
		state.watermark = Math.max(state.watermark, item.updatedAt);
	}
	return state;
}

/** Where the next poll starts: the watermark less the overlap, to catch late-visible changes. */
export const windowStart = (state: PollState, overlapMs: number) => state.watermark - overlapMs;

/**
 * The changes in a poll's records, and the state after them. A record is new when its ID was
 * not handled at this change time before; records at the window's start are read again by
 * design (same-second changes), and the `seen` map drops them, so nothing is doubled.
 */
export function detectChanges(
	state: PollState,
	observed: Observed[],
	overlapMs: number,
): { changes: Change[]; state: PollState } {
	const since = windowStart(state, overlapMs);
	const seen = { ...state.seen };
	let watermark = state.watermark;
	const changes: Change[] = [];
	for (const item of observed) {
		if (!Number.isFinite(item.updatedAt)) continue;
		const prior = seen[item.id];
		if (prior !== undefined && prior >= item.updatedAt) continue;
		// Created inside the window and never handled: nothing could have reported it before.
		const created = prior === undefined && item.createdAt > since;
		const event: AssignmentEvent = item.removed ? 'removed' : created ? 'created' : 'updated';
		changes.push({ event, observed: item });
		seen[item.id] = item.updatedAt;
		watermark = Math.max(watermark, item.updatedAt);
	}
	// Entries the next window cannot return again are no longer needed; equal times stay, in
	// case an API treats "after" as "at or after".
	const nextSince = watermark - overlapMs;
	for (const [id, time] of Object.entries(seen)) if (time < nextSince) delete seen[id];
	return { changes, state: { watermark, seen } };
}

/** The event a single record most likely shows, for the manual-mode sample. */
export function sampleEvent(item: Observed): AssignmentEvent {
	if (item.removed) return 'removed';
	return item.createdAt === item.updatedAt ? 'created' : 'updated';
}

/** An instant as the vendors' filters take it: UTC, whole seconds, rounded down. */
export const utcSeconds = (ms: number) =>
	new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

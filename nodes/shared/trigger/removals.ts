import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Observed, PollState } from './changes';

/**
 * For APIs that delete without a trace: list the whole scope each poll and report the IDs that
 * were there last time and are gone now. It costs a full listing per poll, so the scope is capped.
 */
export interface RemovalScan {
	/** Every record in the trigger's scope, up to `limit` (the listing stops there). */
	everything(limit: number): Promise<Observed[]>;
	/** What to keep of a record, to output when it disappears (IDs, not the whole record). */
	brief(record: IDataObject): IDataObject;
	/** The most records the scope may hold; above it the poll fails with advice. */
	cap: number;
}

/** The whole scope, or an error naming the cap when it holds more than the trigger keeps. */
export async function scanScope(ctx: IPollFunctions, scan: RemovalScan): Promise<Observed[]> {
	// One record over the cap is enough to know: the listing stops there.
	const all = await scan.everything(scan.cap + 1);
	if (all.length > scan.cap) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The scope holds more than the ${scan.cap} assignments that "Detect Removals" can track`,
			{
				description:
					'Narrow the scope to fewer users or tasks, or turn off the "Detect Removals" option.',
			},
		);
	}
	return all;
}

/** The brief records of the whole scope, to compare with on the next poll. */
export const knownOf = (scan: RemovalScan, all: Observed[]) =>
	Object.fromEntries(all.map((item) => [item.id, scan.brief(item.record)]));

/** The records known last time and absent now, as Removed items. */
export function removedSince(
	saved: PollState,
	all: Observed[],
	item: (record: IDataObject) => INodeExecutionData,
): INodeExecutionData[] {
	if (!saved.known) return [];
	const present = new Set(all.map((entry) => entry.id));
	return Object.entries(saved.known)
		.filter(([id]) => !present.has(id))
		.map(([, brief]) => item(brief));
}

/** The records of a full listing that changed after `since`, oldest change first. */
export const changedAmong = (all: Observed[], since: number) =>
	all.filter((item) => item.updatedAt > since).sort((a, b) => a.updatedAt - b.updatedAt);

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkWholeNumber } from '../validate';
import type { AssignmentEvent, Observed, PollState } from './changes';
import { detectChanges, initialState, sampleEvent, windowStart } from './changes';
import { executeView } from './executeView';

/** How a polling trigger reads one vendor's assignments. */
export interface ChangeFeed {
	/** Every record in scope changed after `since` (epoch ms), oldest change first. */
	changedSince(since: number): Promise<Observed[]>;
	/** Up to `limit` records in scope, most recently changed first; `activeOnly` leaves out removed ones. */
	recent(limit: number, activeOnly: boolean): Promise<Observed[]>;
}

export interface PollSettings {
	/** How far before the watermark each poll reads again, for changes that become visible late. */
	overlapMs: number;
	/** The cap of the Include Existing option. */
	maxExisting: number;
}

const stateKey = 'pollState';

/** One output item: which event, then the record in the shape of the node's Get. */
export const eventItem = (event: AssignmentEvent, record: IDataObject): INodeExecutionData => ({
	json: { event, ...record },
});

function readEvents(ctx: IPollFunctions): AssignmentEvent[] {
	const events = ctx.getNodeParameter('events', []) as AssignmentEvent[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Parameter "Events" has no event selected', {
			description: 'Select at least one event that should start the workflow.',
		});
	}
	return events;
}

async function firstPoll(
	ctx: IPollFunctions,
	feed: ChangeFeed,
	settings: PollSettings,
	events: AssignmentEvent[],
): Promise<{ state: PollState; output: INodeExecutionData[] }> {
	const now = Date.now();
	const state = initialState(await feed.changedSince(now - settings.overlapMs), now);
	const output: INodeExecutionData[] = [];
	if (
		ctx.getNodeParameter('options.includeExisting', false) === true &&
		events.includes('created')
	) {
		const limit = checkWholeNumber(
			executeView(ctx),
			0,
			ctx.getNodeParameter('options.maxExisting', Math.min(50, settings.maxExisting)),
			'Max Existing',
			1,
			settings.maxExisting,
		);
		for (const item of await feed.recent(limit, true))
			output.push(eventItem('created', item.record));
	}
	return { state, output };
}

/**
 * The poll every polling trigger shares. The first poll records what exists as handled (and
 * outputs nothing unless Include Existing is on); later polls output exactly the records changed
 * since. Manual mode ("Fetch Test Event") outputs the latest change and leaves the state alone.
 */
export async function pollFeed(
	ctx: IPollFunctions,
	feed: ChangeFeed,
	settings: PollSettings,
): Promise<INodeExecutionData[][] | null> {
	const events = readEvents(ctx);
	if (ctx.getMode() === 'manual') {
		const [latest] = await feed.recent(1, false);
		return latest ? [[eventItem(sampleEvent(latest), latest.record)]] : null;
	}
	const staticData = ctx.getWorkflowStaticData('node');
	const saved = staticData[stateKey] as PollState | undefined;
	if (!saved || typeof saved.watermark !== 'number') {
		const { state, output } = await firstPoll(ctx, feed, settings, events);
		staticData[stateKey] = state as unknown as IDataObject;
		return output.length ? [output] : null;
	}
	const observed = await feed.changedSince(windowStart(saved, settings.overlapMs));
	const { changes, state } = detectChanges(saved, observed, settings.overlapMs);
	staticData[stateKey] = state as unknown as IDataObject;
	const output = changes
		.filter((change) => events.includes(change.event))
		.map((change) => eventItem(change.event, change.observed.record));
	return output.length ? [output] : null;
}

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkWholeNumber } from '../validate';
import type { AssignmentEvent, Observed, PollState } from './changes';
import { detectChanges, initialState, sampleEvent, windowStart } from './changes';
import type { RemovalScan } from './removals';
import { changedAmong, knownOf, removedSince, scanScope } from './removals';

/** How a polling trigger reads one vendor's assignments. */
export interface ChangeFeed {
	/** Every record in scope changed after `since` (epoch ms), oldest change first. */
	changedSince(since: number): Promise<Observed[]>;
	/** Up to `limit` records in scope, most recently changed first; `activeOnly` leaves out removed ones. */
	recent(limit: number, activeOnly: boolean): Promise<Observed[]>;
	/** Set when removals are seen only by absence (and the user asked for them). */
	removals?: RemovalScan;
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

async function existing(ctx: IPollFunctions, feed: ChangeFeed, settings: PollSettings) {
	const limit = checkWholeNumber(
		ctx,
		0,
		ctx.getNodeParameter('options.maxExisting', Math.min(50, settings.maxExisting)),
		'Max Existing',
		1,
		settings.maxExisting,
	);
	return (await feed.recent(limit, true)).map((item) => eventItem('created', item.record));
}

/** What exists now counts as handled: activation does not replay history. */
async function firstPoll(
	ctx: IPollFunctions,
	feed: ChangeFeed,
	settings: PollSettings,
	events: AssignmentEvent[],
): Promise<{ state: PollState; output: INodeExecutionData[] }> {
	const now = Date.now();
	const since = now - settings.overlapMs;
	let state: PollState;
	if (feed.removals) {
		const all = await scanScope(ctx, feed.removals);
		state = { ...initialState(changedAmong(all, since), now), known: knownOf(feed.removals, all) };
	} else {
		state = initialState(await feed.changedSince(since), now);
	}
	const include = ctx.getNodeParameter('options.includeExisting', false) === true;
	const output = include && events.includes('created') ? await existing(ctx, feed, settings) : [];
	return { state, output };
}

/** A later poll: the changes since the watermark and, when scanned, the removals. */
async function nextPoll(
	ctx: IPollFunctions,
	feed: ChangeFeed,
	saved: PollState,
	overlapMs: number,
) {
	const since = windowStart(saved, overlapMs);
	let removed: INodeExecutionData[] = [];
	let observed: Observed[];
	let known: PollState['known'];
	if (feed.removals) {
		const all = await scanScope(ctx, feed.removals);
		observed = changedAmong(all, since);
		removed = removedSince(saved, all, (record) => eventItem('removed', record));
		known = knownOf(feed.removals, all);
	} else {
		observed = await feed.changedSince(since);
	}
	const { changes, state } = detectChanges(saved, observed, overlapMs);
	// With the whole scope listed, "new to the scope" is known exactly: a record moved into it
	// (e.g. to a watched task) is Created for this trigger, whatever its creation time.
	const movedIn = (id: string) => saved.known !== undefined && !(id in saved.known);
	const changed = changes.map((change) =>
		eventItem(
			change.event === 'updated' && movedIn(change.observed.id) ? 'created' : change.event,
			change.observed.record,
		),
	);
	return { state: known ? { ...state, known } : state, output: [...changed, ...removed] };
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
	const { state, output } =
		saved && typeof saved.watermark === 'number'
			? await nextPoll(ctx, feed, saved, settings.overlapMs)
			: await firstPoll(ctx, feed, settings, events);
	// Stored only after every request succeeded: a failed poll leaves the window where it was.
	staticData[stateKey] = state as unknown as IDataObject;
	const selected = output.filter((item) => events.includes(item.json.event as AssignmentEvent));
	return selected.length ? [selected] : null;
}

import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What Assign (If Not Assigned) did to reach the wanted assignment. */
export type EnsureAction = 'created' | 'reactivated' | 'updated' | 'unchanged';

/**
 * How one vendor finds and writes an assignment; the decision between them is `ensureAssigned`'s.
 * Every input was read and checked before a strategy is built, so a strategy only sends requests.
 */
export interface AssignStrategy {
	/** The records standing for the wanted person/task pair: one filtered list request. */
	find(): Promise<IDataObject[]>;
	/** Whether a found record is in force; vendors that delete for good have only active ones. */
	isActive?(record: IDataObject): boolean;
	/** The write body of the wanted fields that differ from the record; empty when all match. */
	changes(record: IDataObject): IDataObject;
	create(): Promise<IDataObject>;
	/** Writes `changes` to the record, and sets it active again when `reactivate`. */
	update(record: IDataObject, changes: IDataObject, reactivate: boolean): Promise<IDataObject>;
}

const active = (strategy: { isActive?(record: IDataObject): boolean }, record: IDataObject) =>
	strategy.isActive?.(record) ?? true;

/**
 * The record to keep when a pair is found more than once (vendors that allow duplicates): an
 * active one before an inactive one, then the vendor's list order.
 */
function chosen(strategy: AssignStrategy, found: IDataObject[]): IDataObject | undefined {
	return found.find((record) => active(strategy, record)) ?? found[0];
}

/** Which pair an item names, in which node run (items of one run naming it take turns). */
export interface PairTurn {
	/** The node run, e.g. its transport. */
	run: object;
	key: string;
}

/**
 * One lookup, then at most one write: create what is missing, reactivate what was unassigned,
 * update what differs, leave alone what matches. The output is the vendor's record plus `action`.
 */
export async function ensureAssigned(
	turn: PairTurn,
	strategy: AssignStrategy,
): Promise<IDataObject> {
	return await onePerPair(turn, async () => await assign(strategy));
}

async function assign(strategy: AssignStrategy): Promise<IDataObject> {
	const existing = chosen(strategy, await strategy.find());
	if (!existing) return { ...(await strategy.create()), action: 'created' };
	const reactivate = !active(strategy, existing);
	const changes = strategy.changes(existing);
	if (!reactivate && Object.keys(changes).length === 0) return { ...existing, action: 'unchanged' };
	const record = await strategy.update(existing, changes, reactivate);
	return { ...record, action: reactivate ? 'reactivated' : 'updated' };
}

export interface UnassignStrategy {
	find(): Promise<IDataObject[]>;
	isActive?(record: IDataObject): boolean;
	/** The vendor's own delete (or unassign) of one record, answering as its Delete does. */
	remove(record: IDataObject): Promise<IDataObject>;
}

const isNotFound = (error: unknown) =>
	error instanceof NodeApiError && String(error.httpCode) === '404';

/**
 * One lookup, then a delete of each active match (one for every vendor that refuses duplicates).
 * Nothing to delete is an answer, not an error: `{ deleted: false, reason }`. A 404 on the delete
 * means someone removed it between the lookup and the delete: also "not found".
 */
export async function ensureUnassigned(
	turn: PairTurn,
	strategy: UnassignStrategy,
): Promise<IDataObject[]> {
	return await onePerPair(turn, async () => await unassign(strategy));
}

async function unassign(strategy: UnassignStrategy): Promise<IDataObject[]> {
	const found = await strategy.find();
	if (found.length === 0) return [{ deleted: false, reason: 'not found' }];
	const assigned = found.filter((record) => active(strategy, record));
	if (assigned.length === 0) return [{ deleted: false, reason: 'not assigned', id: found[0].id }];
	const results: IDataObject[] = [];
	for (const record of assigned) {
		const gone = { deleted: false, reason: 'not found', id: record.id };
		// Any other failure stays the item's error, as the transport made it.
		results.push(
			await strategy
				.remove(record)
				.catch(async (error: unknown) => (isNotFound(error) ? gone : await Promise.reject(error))),
		);
	}
	return results;
}

// Per node run (keyed by its transport): the item with a pair in progress, so a second item with
// the same pair waits for it instead of also finding nothing and creating a duplicate.
const inProgress = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs `work` once no earlier item of this run with the same `key` is still running. Items run
 * concurrently (Request Options → Concurrency); only those naming the same pair wait.
 */
async function onePerPair<T>({ run, key }: PairTurn, work: () => Promise<T>): Promise<T> {
	let pairs = inProgress.get(run);
	if (!pairs) {
		pairs = new Map();
		inProgress.set(run, pairs);
	}
	const before = pairs.get(key) ?? Promise.resolve();
	// The earlier item's failure is its own (its error item); this one still runs.
	const mine = before.catch(() => undefined).then(work);
	pairs.set(key, mine);
	try {
		return await mine;
	} finally {
		if (pairs.get(key) === mine) pairs.delete(key);
	}
}

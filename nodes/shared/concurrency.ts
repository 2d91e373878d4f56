import type { IExecuteFunctions } from 'n8n-workflow';

import { checkWholeNumber } from './validate';

/** Items whose requests run at once unless the node's Request Options say otherwise. */
export const DEFAULT_CONCURRENCY = 10;
/** The largest Concurrency a node accepts (the HTTP Request node sends every item at once). */
export const MAX_CONCURRENCY = 100;
/**
 * Requests of one credential in flight at once while the service reports no budget of its own
 * (no rate-limit headers) and has not refused: a vendor whose limits are undocumented gets no
 * more than this, whatever the Concurrency (gate.ts).
 */
export const UNMETERED_IN_FLIGHT = 50;

/** The node's Request Options → Concurrency (read once per run, from the first item). */
export function readConcurrency(ctx: IExecuteFunctions, fallback: number): number {
	const value = ctx.getNodeParameter('requestOptions.concurrency', 0, fallback) as unknown;
	return checkWholeNumber(ctx, 0, value, 'Concurrency', 1, MAX_CONCURRENCY);
}

import type { IExecuteFunctions } from 'n8n-workflow';

import { checkWholeNumber } from './validate';

/** Items whose requests run at once unless the node's Request Options say otherwise. */
export const DEFAULT_CONCURRENCY = 10;
export const MAX_CONCURRENCY = 50;

/** The node's Request Options → Concurrency (read once per run, from the first item). */
export function readConcurrency(ctx: IExecuteFunctions, fallback: number): number {
	const value = ctx.getNodeParameter('requestOptions.concurrency', 0, fallback) as unknown;
	return checkWholeNumber(ctx, 0, value, 'Concurrency', 1, MAX_CONCURRENCY);
}

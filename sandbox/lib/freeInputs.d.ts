import type { VendorName } from '../server';

/** Create inputs that cannot clash with what the sandbox holds (see freeInputs.js). */
export function freeCreateInputs(
	states: unknown,
	vendor: VendorName,
	count: number,
): Array<Record<string, string | number>>;

import type { INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/** The error a request ends with once the execution was stopped; n8n discards it. */
export function stoppedError(node: INode, itemIndex: number) {
	return new NodeOperationError(node, 'The execution was stopped', { itemIndex });
}

export function throwIfStopped(signal: AbortSignal | undefined, node: INode, itemIndex: number) {
	if (signal?.aborted) throw stoppedError(node, itemIndex);
}

/**
 * Waits `ms`, or less when the execution is stopped (then throws). n8n-workflow 2.41 has no
 * abortable sleep and nodes may not use timers, so the wait races the cancel signal; the timer
 * behind `sleep` runs out on its own, holding nothing.
 */
export async function waitFor(
	ms: number,
	signal: AbortSignal | undefined,
	node: INode,
	itemIndex: number,
): Promise<void> {
	throwIfStopped(signal, node, itemIndex);
	if (!signal) return await sleep(ms);
	let onAbort: () => void = () => undefined;
	const stopped = new Promise<void>((resolve) => (onAbort = resolve));
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		await Promise.race([sleep(ms), stopped]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	throwIfStopped(signal, node, itemIndex);
}

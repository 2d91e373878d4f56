import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

/**
 * The n8n contexts the kernel runs in: a node's execute(), a polling trigger's poll(), a
 * listSearch/loadOptions method and a webhook trigger's checkExists/create/delete. Only an
 * execution has items and a cancel signal.
 */
export type TransportContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

const isExecution = (ctx: TransportContext): ctx is IExecuteFunctions => 'getInputData' in ctx;

/** A node parameter for one item; outside an execution there is one set of parameters. */
export function nodeParameter(
	ctx: TransportContext,
	name: string,
	itemIndex: number,
	fallback: unknown,
): unknown {
	return isExecution(ctx)
		? ctx.getNodeParameter(name, itemIndex, fallback)
		: ctx.getNodeParameter(name, fallback);
}

/** n8n aborts it when the user stops the execution (or it times out). */
export function cancelSignalOf(ctx: TransportContext): AbortSignal | undefined {
	return isExecution(ctx) ? ctx.getExecutionCancelSignal() : undefined;
}

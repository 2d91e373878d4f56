import type {
	IExecuteFunctions,
	IHookFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** The contexts n8n hands a trigger: a poll, a webhook's lifecycle method, a webhook call. */
export type TriggerContext = IPollFunctions | IHookFunctions | IWebhookFunctions;

/**
 * A trigger's context seen as the one-item execution the shared input checks read (they take
 * parameters per item). A trigger has no input items: every parameter is read without an index,
 * and messages name item 0. Requests go through the trigger's own context (the kernel serves it).
 */
export function executeView(ctx: TriggerContext): IExecuteFunctions {
	const view = {
		getNode: () => ctx.getNode(),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			ctx.getNodeParameter(name, fallback),
	};
	return view as unknown as IExecuteFunctions;
}

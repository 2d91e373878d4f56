import type {
	IExecuteFunctions,
	IHookFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** The contexts n8n hands a trigger: a poll, a webhook's lifecycle method, a webhook call. */
export type TriggerContext = IPollFunctions | IHookFunctions | IWebhookFunctions;

/**
 * A trigger's context seen as the one-item execution the request kernel and the input checks
 * read (they take IExecuteFunctions). A trigger has no input items: every parameter is read
 * without an index, and messages name item 0. Only what the kernel and the checks use is served.
 */
export function executeView(ctx: TriggerContext): IExecuteFunctions {
	const view = {
		getNode: () => ctx.getNode(),
		getCredentials: async (type: string) => await ctx.getCredentials(type),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			ctx.getNodeParameter(name, fallback),
		continueOnFail: () => false,
		helpers: {
			// n8n's helpers read the credentials and the node through `this`: keep the real context.
			httpRequestWithAuthentication: async (...args: unknown[]) =>
				await (
					ctx.helpers.httpRequestWithAuthentication as (...rest: unknown[]) => Promise<unknown>
				).call(ctx, ...args),
			refreshOAuth2Token: async (...args: unknown[]) =>
				await (ctx.helpers.refreshOAuth2Token as (...rest: unknown[]) => Promise<unknown>).call(
					ctx,
					...args,
				),
		},
	};
	return view as unknown as IExecuteFunctions;
}

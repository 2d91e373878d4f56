import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { createTransport } from '../transport/createTransport';
import type { Transport } from '../transport/createTransport';
import type { TransportConfig } from '../transport/types';

/**
 * The request kernel for the editor's pickers. createTransport reads parameters per item
 * (`getNodeParameter(name, itemIndex, fallback)`), while a picker's context has no items
 * (`getNodeParameter(name, fallback)`); everything else the kernel uses (node, credentials,
 * authenticated requests, OAuth2 renewal) behaves the same. The adapter inherits from the
 * picker's context, so n8n's helpers still see their own context as `this`, and only the
 * parameter read is translated.
 */
export function lookupTransport(ctx: ILoadOptionsFunctions, config: TransportConfig): Transport {
	// One transport per picker request: a search that reads several pages reads the credential once.
	let byConfig = transports.get(ctx);
	if (!byConfig) transports.set(ctx, (byConfig = new Map()));
	let transport = byConfig.get(config);
	if (!transport) byConfig.set(config, (transport = adapted(ctx, config)));
	return transport;
}

const transports = new WeakMap<ILoadOptionsFunctions, Map<TransportConfig, Transport>>();

function adapted(ctx: ILoadOptionsFunctions, config: TransportConfig): Transport {
	const adapter = Object.create(ctx) as ILoadOptionsFunctions & Record<string, unknown>;
	adapter.getNodeParameter = ((name: string, _itemIndex: number, fallback?: unknown) =>
		ctx.getNodeParameter(name, fallback)) as unknown as ILoadOptionsFunctions['getNodeParameter'];
	// Only the members above are used by the kernel; the cast states that contract.
	return createTransport(adapter as unknown as IExecuteFunctions, config);
}

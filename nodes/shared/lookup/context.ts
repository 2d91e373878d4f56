import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { createTransport } from '../transport/createTransport';
import type { Transport } from '../transport/createTransport';
import type { TransportConfig } from '../transport/types';

const transports = new WeakMap<ILoadOptionsFunctions, Map<TransportConfig, Transport>>();

/**
 * The request kernel for the editor's pickers (the kernel runs in a picker's context as it is).
 * One transport per picker request: a search that reads several pages reads the credential once.
 */
export function lookupTransport(ctx: ILoadOptionsFunctions, config: TransportConfig): Transport {
	let byConfig = transports.get(ctx);
	if (!byConfig) transports.set(ctx, (byConfig = new Map()));
	let transport = byConfig.get(config);
	if (!transport) byConfig.set(config, (transport = createTransport(ctx, config)));
	return transport;
}

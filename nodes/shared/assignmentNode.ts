import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationHandler } from './router';
import { route } from './router';
import type { Transport } from './transport/createTransport';
import { createTransport } from './transport/createTransport';
import type { TransportConfig } from './transport/types';

/**
 * Every node's `execute`: each input item routed to its Assignment operation, all through one
 * transport for the vendor. (The node descriptions stay literal in each *.node.ts: n8n's lint
 * checks them there and skips a description it cannot read as an object literal.)
 */
export async function executeAssignments(
	ctx: IExecuteFunctions,
	operations: Record<string, OperationHandler<Transport>>,
	config: TransportConfig,
): Promise<INodeExecutionData[][]> {
	return await route(ctx, { assignment: operations }, createTransport(ctx, config));
}

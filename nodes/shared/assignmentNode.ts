import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OutputShape } from './output';
import { withOutput } from './output';
import type { OperationHandler } from './router';
import { route } from './router';
import type { Transport } from './transport/createTransport';
import { createTransport } from './transport/createTransport';
import type { TransportConfig } from './transport/types';

/**
 * Every node's `execute`: each input item routed to its Assignment operation, all through one
 * transport for the vendor, each result in the Output shape the item asks for. (The node
 * descriptions stay literal in each *.node.ts: n8n's lint checks them there and skips a
 * description it cannot read as an object literal.)
 */
export async function executeAssignments(
	ctx: IExecuteFunctions,
	operations: Record<string, OperationHandler<Transport>>,
	config: TransportConfig,
	output: OutputShape,
): Promise<INodeExecutionData[][]> {
	return await route(
		ctx,
		{ assignment: withOutput(operations, output) },
		createTransport(ctx, config),
	);
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from './transport/errors';

/** Turns one input item's parameters into one API call and its result. */
export type OperationHandler<Client> = (
	this: IExecuteFunctions,
	itemIndex: number,
	client: Client,
) => Promise<IDataObject | IDataObject[]>;

/** The operations every node offers on an assignment (a vendor may add more). */
export type AssignmentOperations<Client> = Record<
	'getAll' | 'get' | 'create' | 'update' | 'delete',
	OperationHandler<Client>
>;

export type ResourceMap<Client> = Record<string, Record<string, OperationHandler<Client>>>;

/**
 * The one item loop: every input item yields its output items or, with "continue on fail", one
 * error item, each paired to the input item it came from.
 */
export async function route<Client>(
	ctx: IExecuteFunctions,
	resources: ResourceMap<Client>,
	client: Client,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const resource = ctx.getNodeParameter('resource', itemIndex) as string;
			const operation = ctx.getNodeParameter('operation', itemIndex) as string;
			const handler = resources[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(
					ctx.getNode(),
					`The operation "${operation}" is not supported for resource "${resource}" [item ${itemIndex}]`,
					{ itemIndex },
				);
			}
			const result = await handler.call(ctx, itemIndex, client);
			// Built directly rather than through returnJsonArray, which would wrap every record a
			// second time: a Return All can hold 100,000 of them.
			for (const json of Array.isArray(result) ? result : [result])
				output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = asNodeError(ctx.getNode(), error as Error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			// n8n shows an error item as { error: message }; the hint travels on the error itself.
			output.push({
				json: { error: nodeError.message },
				error: nodeError,
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, readConcurrency } from './concurrency';
import { asNodeError, NotSentError } from './transport/errors';

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

/** What the router needs of a client: a way to hold back what later items have not sent yet. */
export interface Stoppable {
	stopSending(itemIndex: number): void;
}

async function runItem<Client extends Stoppable>(
	ctx: IExecuteFunctions,
	resources: ResourceMap<Client>,
	client: Client,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		const known = Object.keys(resources[resource] ?? {});
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}" [item ${itemIndex}]`,
			{ itemIndex, description: `Set Operation to one of: ${known.join(', ')}.` },
		);
	}
	const result = await handler.call(ctx, itemIndex, client);
	// Built directly rather than through returnJsonArray, which would wrap every record a
	// second time: a Return All can hold 100,000 of them.
	const output: INodeExecutionData[] = [];
	for (const json of Array.isArray(result) ? result : [result])
		output.push({ json, pairedItem: { item: itemIndex } });
	return output;
}

/**
 * The one item loop: every input item yields its output items or, with "continue on fail", one
 * error item, each paired to the input item it came from and in input order. Up to the node's
 * Concurrency items run at once (network latency, not the CPU, is what a run waits on); the
 * transport holds them back when the service asks for less. Without "continue on fail" the
 * first failing item (by input order) fails the run: no further item starts, the ones already
 * sent finish first, so a create is never left half-known.
 */
export async function route<Client extends Stoppable>(
	ctx: IExecuteFunctions,
	resources: ResourceMap<Client>,
	client: Client,
): Promise<INodeExecutionData[][]> {
	const count = ctx.getInputData().length;
	const perItem: INodeExecutionData[][] = new Array(count);
	const concurrency = readConcurrency(ctx, DEFAULT_CONCURRENCY);
	let next = 0;
	// Without "continue on fail": items that failed while others were still in flight.
	const failures: Array<{ itemIndex: number; error: Error }> = [];

	const lane = async () => {
		while (next < count && failures.length === 0) {
			const itemIndex = next++;
			try {
				perItem[itemIndex] = await runItem(ctx, resources, client, itemIndex);
			} catch (error) {
				const nodeError = asNodeError(ctx.getNode(), error as Error, itemIndex);
				if (!ctx.continueOnFail()) {
					if (nodeError instanceof NotSentError) continue;
					// The run fails: later items send nothing more, earlier ones finish as they would
					// have one after the other, and the first failure by input order is reported.
					client.stopSending(itemIndex);
					failures.push({ itemIndex, error: nodeError });
					continue;
				}
				// n8n shows an error item as { error: message }; the hint travels on the error itself.
				perItem[itemIndex] = [
					{ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } },
				];
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
	if (failures.length)
		throw failures.reduce((first, other) => (other.itemIndex < first.itemIndex ? other : first))
			.error;
	const output: INodeExecutionData[] = [];
	for (const items of perItem) for (const item of items) output.push(item);
	return [output];
}

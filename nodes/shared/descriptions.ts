import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './concurrency';
import type { OperationHandler } from './router';

/** The Return All / Limit pair every Get Many shares; the operation adds its own display options. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

/** The ID of the assignment an operation works on. */
export function assignmentIdField(description: string): INodeProperties {
	return {
		displayName: 'Assignment ID',
		name: 'assignmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12345',
		description,
	};
}

/** The Options collection of an operation (e.g. which related records to include). */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** The one resource every node offers. */
export const assignmentResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Assignment', value: 'assignment' }],
	default: 'assignment',
};

/** The Operation selector of the Assignment resource, with the vendor's own operation texts. */
export function assignmentOperation(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['assignment'] } },
		default: 'getAll',
		options,
	};
}

/**
 * Settings of the requests themselves, offered on every operation. The default timeout is the
 * vendor's (large pages of some APIs take long), so the node and its transport share one value.
 */
export function requestOptions(defaultTimeoutMs: number): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Request Option',
		default: {},
		displayOptions: { show: { resource: ['assignment'] } },
		options: [
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: defaultTimeoutMs,
				description:
					'Milliseconds one request may take in all: every attempt, the wait for each answer and the pauses between retries count. Retries happen only within what is left; a create is never repeated after it may have been carried out.',
			},
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
				default: DEFAULT_CONCURRENCY,
				description:
					'How many input items may have requests in flight at once (1 sends them one after the other). Output order and pairing stay the same; the node slows down by itself when the service answers 429 or reports its rate limit as spent.',
			},
		],
	};
}

/** One operation's module: what it shows in the node and what it does for one item. */
export interface OperationModule<Client> {
	description: INodeProperties[];
	execute: OperationHandler<Client>;
}

/**
 * The Assignment resource of a node from its operation modules: the Operation selector (the
 * vendor's texts), the properties shown above every operation's own (notices, the per-operation
 * tool descriptions), then each operation's fields; and the handler of each operation, by the
 * same keys.
 */
export function assignmentActions<Client, Name extends string>(
	modules: Record<Name, OperationModule<Client>>,
	options: INodePropertyOptions[],
	notices: INodeProperties[] = [],
) {
	const entries = Object.entries(modules) as Array<[Name, OperationModule<Client>]>;
	return {
		operations: Object.fromEntries(
			entries.map(([name, module]) => [name, module.execute]),
		) as Record<Name, OperationHandler<Client>>,
		description: [
			assignmentOperation(options),
			...notices,
			...entries.flatMap(([, module]) => module.description),
		],
	};
}

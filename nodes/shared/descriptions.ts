import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
		placeholder: 'Add option',
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
		],
	};
}

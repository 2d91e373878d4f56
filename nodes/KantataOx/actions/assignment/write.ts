import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { singleAssignment } from '../../envelope';
import { externalReferenceField, includeOption, includeQuery } from './fields';

export const estimatedMinutesField: INodeProperties = {
	displayName: 'Estimated Minutes',
	name: 'estimatedMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'Minutes the assignee is estimated to work on the task',
};

/** Current, Estimated Minutes and External Reference: what Create and Update both set. */
export const stateFields = (currentDescription: string): INodeProperties[] => [
	{
		displayName: 'Current',
		name: 'current',
		type: 'boolean',
		default: true,
		description: currentDescription,
	},
	estimatedMinutesField,
	externalReferenceField,
];

/** The related records a write's answer should carry. */
export const writeOptions = optionsCollection([includeOption]);

/** Sends a create or update and returns the assignment it answers with, includes resolved. */
export async function writeAssignment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
	write: { method: IHttpRequestMethods; path: string; body: IDataObject; id?: string },
): Promise<IDataObject> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await transport.request(itemIndex, {
		method: write.method,
		path: write.path,
		qs: includeQuery(ctx, itemIndex, options.include as string[], undefined),
		body: write.body,
	});
	return singleAssignment(ctx, itemIndex, response.body, write.id);
}

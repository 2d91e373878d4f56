import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assignmentIdField, optionsCollection } from '../../../shared/descriptions';
import type { Transport } from '../../../shared/transport/createTransport';
import { readId } from '../../../shared/validate';
import { singleAssignment } from '../../envelope';
import { includeOption, includeQuery } from './fields';

const properties: INodeProperties[] = [
	assignmentIdField('ID of the task assignment to get'),
	optionsCollection([includeOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assignment'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: Transport,
): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'assignmentId', 'Assignment ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await transport.request(itemIndex, {
		method: 'GET',
		path: `/userstasks/${id}`,
		qs: includeQuery(options.include),
	});
	return singleAssignment(this, itemIndex, response.body, id);
}

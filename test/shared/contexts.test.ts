import { LoadOptionsContext, PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeTypes, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { kantataOxTransport } from '../../nodes/KantataOx/transport';
import { createTransport } from '../../nodes/shared/transport/createTransport';
import { api, assignment, credentials, envelope } from '../KantataOx/fixtures';
import { TestCredentialsHelper } from '../harness/credentials';
import { credentialTypes, packageName } from '../harness/run';
import * as registry from '../harness/registry';

// Issue 14 item 9: the kernel serves polling triggers (IPollFunctions) and listSearch/loadOptions
// methods (ILoadOptionsFunctions) as it serves execute(): same credential, same errors.

const node: INode = {
	id: 'under-test',
	name: 'Kantata OX',
	type: `${packageName}.kantataOx`,
	typeVersion: 1,
	position: [0, 0],
	parameters: { authentication: 'accessToken', requestOptions: { timeout: 5000 } },
	credentials: { kantataOxApi: { id: 'cred-contexts', name: 'Kantata OX' } },
};
const nodeTypes: INodeTypes = {
	getByName: () => registry.nodes[0],
	getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(registry.nodes[0], 1),
	getKnownTypes: () => ({}),
};
const workflow = new Workflow({
	id: 'contexts',
	nodes: [node],
	connections: {},
	nodeTypes,
	active: false,
	settings: {},
});
const additionalData = {
	credentialsHelper: new TestCredentialsHelper(credentialTypes, credentials),
} as unknown as IWorkflowExecuteAdditionalData;

const contexts = [
	['a polling trigger', new PollContext(workflow, node, additionalData, 'trigger', 'init')],
	['a listSearch method', new LoadOptionsContext(workflow, node, additionalData, 'parameters')],
] as const;

describe.each(contexts)('from %s', (_, ctx) => {
	it('sends through the credential and reads a list', async () => {
		api()
			.get('/api/v1/assignments.json')
			.query({ per_page: '2', page: '1' })
			.reply(200, envelope([assignment(1), assignment(2)], { pageCount: 1 }));
		const transport = createTransport(ctx, kantataOxTransport);
		const records = await transport.requestAll(
			0,
			{ method: 'GET', path: '/assignments' },
			{
				strategy: {
					first: (size) => ({ per_page: size, page: 1 }),
					next: () => undefined,
				},
				maxPageSize: 2,
				items: (body) => (body as { results: IDataObject[] }).results,
				limit: 2,
			},
		);
		expect(records.map((record) => record.id)).toEqual(['1', '2']);
	});

	it('maps a failure to the vendor’s error', async () => {
		api()
			.get('/api/v1/assignments/9.json')
			.reply(404, { errors: [{ type: 'system', message: 'Not found' }] });
		const transport = createTransport(ctx, kantataOxTransport);
		await expect(
			transport.request(0, { method: 'GET', path: '/assignments/9' }),
		).rejects.toMatchObject({ message: 'Not found', httpCode: '404' });
	});
});

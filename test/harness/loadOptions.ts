import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	IRun,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { logLines } from './logs';
import {
	assertNoSecretIn,
	credentialTypes,
	inertAdditionalData,
	nodeTypesWith,
	packageName,
} from './run';

export interface LoadOptionsCall {
	/** The node under test, e.g. "kantataOx". */
	node: string;
	/** The node's parameters as the editor sends them (defaults are filled in, as n8n does). */
	parameters?: Record<string, NodeParameterValueType>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The parameter whose picker asks, e.g. "parameters.storyId". */
	path?: string;
}

/**
 * A node's `methods` called the way n8n's REST endpoints for the editor's pickers call them
 * (`/dynamic-node-parameters/resource-locator-results` and `/options`): in n8n-core's own
 * LoadOptionsContext over a one-node workflow, with the test credentials helper applying each
 * credential type's authentication, and the answer scanned for the credentials' secrets.
 */
function contextFor(call: LoadOptionsCall) {
	const nodeTypes = nodeTypesWith();
	const type = `${packageName}.${call.node}`;
	const nodeType = NodeHelpers.getVersionedNodeType(nodeTypes.getByName(type), 1);
	const node: INode = {
		id: 'under-test',
		name: 'Node under test',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: Object.fromEntries(
			Object.keys(call.credentials).map((name) => [name, { id: `cred-${name}`, name }]),
		),
	};
	node.parameters =
		NodeHelpers.getNodeParameters(
			nodeType.description.properties,
			(call.parameters ?? {}) as INodeParameters,
			true,
			false,
			node,
			nodeType.description,
		) ?? {};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});
	const helper = new TestCredentialsHelper(credentialTypes, call.credentials);
	const additionalData = inertAdditionalData({
		credentialsHelper: helper,
		currentNodeParameters: node.parameters,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		variables: {},
	});
	const context = new LoadOptionsContext(workflow, node, additionalData, call.path ?? 'parameters');
	return { context, methods: nodeType.methods ?? {} };
}

async function scanned<T>(call: LoadOptionsCall, work: () => Promise<T>): Promise<T> {
	const firstLogLine = logLines.length;
	let result: T | undefined;
	let failure: unknown;
	try {
		result = await work();
	} catch (error) {
		failure = error;
	}
	const seen = { data: { resultData: { runData: {}, error: failure } }, result } as unknown as IRun;
	assertNoSecretIn(seen, call.credentials, logLines.slice(firstLogLine));
	if (failure !== undefined) throw failure;
	return result as T;
}

/** Calls `methods.listSearch[method]` with the typed search text and the page token. */
export async function listSearch(
	call: LoadOptionsCall & { method: string; filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { context, methods } = contextFor(call);
	const method = methods.listSearch?.[call.method];
	if (!method) throw new Error(`${call.node} has no listSearch method "${call.method}"`);
	return await scanned(call, async () => method.call(context, call.filter, call.paginationToken));
}

/** Calls `methods.loadOptions[method]`. */
export async function loadOptions(
	call: LoadOptionsCall & { method: string },
): Promise<INodePropertyOptions[]> {
	const { context, methods } = contextFor(call);
	const method = methods.loadOptions?.[call.method];
	if (!method) throw new Error(`${call.node} has no loadOptions method "${call.method}"`);
	return await scanned(call, async () => method.call(context));
}

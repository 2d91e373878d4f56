import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	INodeTypeDescription,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	NodeParameterValueType,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { logLines } from './logs';
import * as registry from './registry';

export const packageName = 'n8n-nodes-assignments';

/** Hands the test's input items to the node under test, as a trigger would. */
class Start implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Start',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const nodeClasses: Record<string, INodeType> = {
	...Object.fromEntries(
		registry.nodes.map((node) => [`${packageName}.${node.description.name}`, node]),
	),
	'n8n-nodes-base.manualTrigger': new Start(),
};

export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	registry.credentials.map((type) => [type.name, type]),
);

/** The package's nodes and the Start node, plus any node types a run brings (e.g. n8n's own). */
export function nodeTypesWith(
	extra: Record<string, INodeType | IVersionedNodeType> = {},
): INodeTypes {
	const known: Record<string, INodeType | IVersionedNodeType> = { ...extra, ...nodeClasses };
	return {
		getByName: (type) => known[type],
		getByNameAndVersion: (type, version) =>
			known[type] && NodeHelpers.getVersionedNodeType(known[type], version),
		getKnownTypes: () => ({}),
	};
}

export interface RunOptions {
	/** The node under test, e.g. "kantataOx". */
	node: string;
	parameters: Record<string, NodeParameterValueType>;
	/** Credential type → plain data, as a user would have saved it. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Input items (default one empty item). */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/**
	 * Saved-credential ID to use. Each run gets a fresh one by default, so state the kernel keeps
	 * per credential (rate-limit pauses) does not leak between tests; pass the same ID to model
	 * two nodes sharing one credential.
	 */
	credentialId?: string;
	/**
	 * Full type name of the node to run instead of this package's `node`, e.g.
	 * "n8n-nodes-base.httpRequest" (it must be in `nodeTypes`). `node` is then only a label.
	 */
	nodeType?: string;
	/** Type version of the node to run (default 1). */
	typeVersion?: number;
	/** Further node types the workflow may use, by full type name (e.g. from n8n-nodes-base). */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/**
	 * Whether to scan the run for credential secrets (default true). Benchmarks of very large runs
	 * turn it off: serialising the whole run would distort their time and memory.
	 */
	scanSecrets?: boolean;
	/** Stops the execution when it fires, as the editor's Stop button does. */
	cancel?: AbortSignal;
	/**
	 * Sub-nodes connected to the node under test as its AI tools (ai_tool connections), with the
	 * same credentials; the node under test then plays the agent that calls them.
	 */
	tools?: Array<{ name: string; type: string; parameters: INode['parameters'] }>;
}

let runs = 0;

export interface RunResult {
	/** The node's output items (json + pairedItem), empty when it failed. */
	items: INodeExecutionData[];
	/** The node's error when it failed as a whole. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	helper: TestCredentialsHelper;
	/** The engine's run data; undefined when the engine refused to start the workflow. */
	run?: IRun;
}

/** Additional data the engine asks for but these tests do not use: inert functions. */
export function inertAdditionalData(known: Partial<IWorkflowExecuteAdditionalData>) {
	return new Proxy(known as IWorkflowExecuteAdditionalData, {
		get: (target, key: string) => (key in target ? target[key as keyof typeof target] : undefined),
	});
}

/** Runs Start → node through n8n-core's WorkflowExecute, exactly as a manual execution does. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeName = 'Node under test';
	const credentialRefs = Object.fromEntries(
		Object.keys(options.credentials).map((type) => [
			type,
			{ id: options.credentialId ?? `cred-${type}-${++runs}`, name: type },
		]),
	);
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'under-test',
			name: nodeName,
			type: options.nodeType ?? `${packageName}.${options.node}`,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: credentialRefs,
			onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
		},
		...(options.tools ?? []).map((tool, index) => ({
			id: `tool-${index}`,
			position: [200, 200] as [number, number],
			typeVersion: 1,
			credentials: credentialRefs,
			...tool,
		})),
	];
	const connections: IConnections = {
		Start: { main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	for (const tool of options.tools ?? [])
		connections[tool.name] = {
			[NodeConnectionTypes.AiTool]: [
				[{ node: nodeName, type: NodeConnectionTypes.AiTool, index: 0 }],
			],
		};
	const workflow = new Workflow({
		id: 'test',
		nodes,
		connections,
		nodeTypes: nodeTypesWith(options.nodeTypes),
		active: false,
		settings: {},
	});

	const helper = new TestCredentialsHelper(credentialTypes, options.credentials);
	const hooks = new ExecutionLifecycleHooks('manual', '1', {
		id: 'test',
		name: 'test',
		nodes,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveRun: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = inertAdditionalData({
		executionId: '1',
		hooks,
		credentialsHelper: helper,
		currentNodeParameters: undefined,
		webhookWaitingBaseUrl: 'http://localhost/waiting-webhook',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		variables: {},
	});

	const input = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [input] }, source: null }],
		},
	});
	const firstLogLine = logLines.length;
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	try {
		const running = execution.processRunExecutionData(workflow);
		options.cancel?.addEventListener('abort', () => running.cancel(), { once: true });
		// Settles when the node under test has returned, also after a cancel.
		await running;
	} catch (error) {
		// The engine refuses to start a workflow whose nodes have issues (e.g. an empty required
		// parameter), as n8n does for users: report it like any other failure of the run.
		return { items: [], error: error as RunResult['error'], helper, run: undefined };
	}
	const run = await finished;

	if (options.scanSecrets !== false)
		assertNoSecretIn(run, options.credentials, logLines.slice(firstLogLine));
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		helper,
		run,
	};
}

/** Every secret a test's credentials hold: password fields, OAuth2 client secret and tokens. */
function secretsOf(credentials: Record<string, ICredentialDataDecryptedObject>): string[] {
	const secrets: string[] = [];
	for (const [type, data] of Object.entries(credentials)) {
		const passwordFields = (credentialTypes[type]?.properties ?? [])
			.filter((property) => property.typeOptions?.password)
			.map((property) => property.name);
		for (const name of [...passwordFields, 'clientSecret']) {
			if (typeof data[name] === 'string' && data[name]) secrets.push(data[name] as string);
		}
		const token = (data.oauthTokenData as IDataObject | undefined)?.access_token;
		if (typeof token === 'string' && token) secrets.push(token);
	}
	return secrets.filter((secret) => secret.length >= 6);
}

/**
 * Every engine run is a secret scan: no output item, error message, error description or other
 * run data may contain a credential's secret.
 */
export function assertNoSecretIn(
	run: IRun,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	logs: string[],
) {
	const errors = Object.values(run.data.resultData.runData)
		.flatMap((tasks) => tasks.map((task) => task.error))
		.concat(run.data.resultData.error)
		.filter(Boolean)
		.map((error) => ({ message: error?.message, description: error?.description }));
	const text = JSON.stringify(run) + JSON.stringify(errors) + logs.join('\n');
	for (const secret of secretsOf(credentials)) {
		if (text.includes(secret))
			throw new Error(`A credential secret appears in the run's output, errors or log lines`);
	}
}

import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	NodeParameterValueType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { credentialTypes, packageName } from './run';

/** A trigger under test, with what n8n would have saved for it. */
export interface TriggerOptions {
	node: INodeType;
	parameters: Record<string, NodeParameterValueType>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data as the last run left it (n8n stores it as JSON in its database). */
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	/** Default one fresh ID per call, so rate-limit pauses of one test do not reach another. */
	credentialId?: string;
	/** The node's webhookId (n8n gives each webhook node a UUID when it is added). */
	webhookId?: string;
	/** n8n's public webhook base URL (its WEBHOOK_URL setting); default an https one. */
	webhookBaseUrl?: string;
}

let calls = 0;
export const nodeName = 'Trigger under test';
export const webhookBaseUrl = 'https://n8n.example.com/webhook';

function setUp(options: TriggerOptions) {
	const type = `${packageName}.${options.node.description.name}`;
	const credentials = Object.fromEntries(
		Object.keys(options.credentials).map((name) => [
			name,
			{ id: options.credentialId ?? `cred-${name}-trigger-${++calls}`, name },
		]),
	);
	const node: INode = {
		id: 'trigger',
		name: nodeName,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
		webhookId: options.webhookId,
	};
	const workflow = new Workflow({
		id: 'wf-trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: {
			getByName: () => options.node,
			getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(options.node, 1),
			getKnownTypes: () => ({}),
		},
		// A JSON round trip, as the database gives it back: nothing but JSON survives between polls.
		staticData: JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject,
		settings: {},
	});
	const helper = new TestCredentialsHelper(credentialTypes, options.credentials);
	const additionalData = new Proxy(
		{
			credentialsHelper: helper,
			webhookBaseUrl: options.webhookBaseUrl ?? webhookBaseUrl,
			webhookTestBaseUrl: `${options.webhookBaseUrl ?? webhookBaseUrl}-test`,
			instanceBaseUrl: 'https://n8n.example.com/',
			variables: {},
		} as Partial<IWorkflowExecuteAdditionalData> as IWorkflowExecuteAdditionalData,
		{ get: (target, key: string) => target[key as keyof typeof target] },
	);
	const mode: WorkflowExecuteMode = options.mode ?? 'trigger';
	const staticData = () =>
		JSON.parse(
			JSON.stringify(workflow.staticData, (key, value) =>
				key === '__dataChanged' ? undefined : value,
			),
		) as IDataObject;
	return { workflow, node: workflow.getNode(nodeName)!, additionalData, mode, staticData };
}

/**
 * Like every engine run of the nodes, every trigger call is a secret scan: no output item, error
 * text or stored static data may hold a secret of the credentials it used.
 */
function assertNoSecret(options: TriggerOptions, ...outputs: unknown[]) {
	const secrets: string[] = [];
	for (const [type, data] of Object.entries(options.credentials)) {
		const passwords = (credentialTypes[type]?.properties ?? [])
			.filter((property) => property.typeOptions?.password)
			.map((property) => property.name);
		for (const name of [...passwords, 'clientSecret'])
			if (typeof data[name] === 'string' && (data[name] as string).length >= 6)
				secrets.push(data[name] as string);
		const token = (data.oauthTokenData as IDataObject | undefined)?.access_token;
		if (typeof token === 'string') secrets.push(token);
	}
	// Errors serialise to almost nothing: scan what n8n shows of them. (Jest's sandbox gives the
	// engine's errors another Error class, so instanceof would not recognise them.)
	const isError = (value: unknown): value is Error =>
		typeof value === 'object' && value !== null && 'message' in value && 'stack' in value;
	const text = JSON.stringify(
		outputs.map((output) =>
			isError(output)
				? {
						message: output.message,
						description: (output as { description?: unknown }).description,
					}
				: output,
		),
	);
	for (const secret of secrets)
		if (text.includes(secret))
			throw new Error('A credential secret appears in a trigger’s output, error or static data');
}

export interface PollResult {
	/** The items poll() returned, or null for "nothing new". */
	items: INodeExecutionData[] | null;
	error?: Error & { description?: string; httpCode?: string };
	/** The static data after the poll, as n8n would store it. */
	staticData: IDataObject;
}

/** One poll, as n8n's poll executor runs it: a fresh context over the stored static data. */
export async function poll(options: TriggerOptions): Promise<PollResult> {
	const { workflow, node, additionalData, mode, staticData } = setUp(options);
	const activation = mode === 'manual' ? 'manual' : 'activate';
	const ctx = new PollContext(workflow, node, additionalData, mode, activation);
	let result: PollResult;
	try {
		const output = await options.node.poll!.call(ctx);
		result = { items: output?.[0] ?? null, staticData: staticData() };
	} catch (error) {
		result = {
			items: null,
			error: error as PollResult['error'],
			staticData: options.staticData ?? {},
		};
	}
	assertNoSecret(options, result.items, result.error, result.staticData);
	return result;
}

/** Polls in turn, each over the static data the previous one left. */
export function poller(options: TriggerOptions) {
	let staticData = options.staticData ?? {};
	return async (overrides: Partial<TriggerOptions> = {}) => {
		const result = await poll({ ...options, staticData, ...overrides });
		staticData = result.staticData;
		return result;
	};
}

export type HookMethod = 'checkExists' | 'create' | 'delete';

/** One webhook lifecycle call (activation checks, creates; deactivation deletes). */
export async function hook(options: TriggerOptions, method: HookMethod) {
	const { workflow, node, additionalData, staticData } = setUp(options);
	const description = options.node.description.webhooks![0];
	const webhookData = { webhookDescription: description, isTest: false } as IWebhookData;
	const ctx = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
	const result = await options.node
		.webhookMethods!.default![method].call(ctx)
		.catch(async (error: unknown) => {
			assertNoSecret(options, error);
			return await Promise.reject(error);
		});
	assertNoSecret(options, staticData());
	return { result, staticData: staticData() };
}

export interface IncomingCall {
	body: unknown;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

/** One call n8n routed to the node's webhook. */
export async function callWebhook(options: TriggerOptions, call: IncomingCall) {
	const { workflow, node, additionalData, staticData } = setUp(options);
	const sent: { status?: number; body?: unknown } = {};
	const response = {
		status(code: number) {
			sent.status = code;
			return response;
		},
		send(body?: unknown) {
			sent.body = body;
			return response;
		},
		json(body?: unknown) {
			sent.body = body;
			return response;
		},
		end() {
			return response;
		},
	};
	additionalData.httpRequest = {
		body: call.body,
		headers: call.headers ?? { 'content-type': 'application/json' },
		query: call.query ?? {},
		params: {},
	} as never;
	additionalData.httpResponse = response as never;
	const description = options.node.description.webhooks![0];
	const webhookData = { webhookDescription: description, isTest: false } as IWebhookData;
	const ctx = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const result: IWebhookResponseData = await options.node.webhook!.call(ctx);
	assertNoSecret(options, result, sent);
	return { result, sent, staticData: staticData() };
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * What an AI agent or MCP client is told about each operation of a node's tool variant.
 *
 * n8n 2.41 offers every `usableAsTool` node as `<package>.<node>Tool`. By default it describes
 * that tool only as "<action> in <node>" (e.g. "Get many assignments in Paymo"); but when the node
 * has a parameter named `toolDescription`, n8n adds no description setting of its own and hands
 * the value of ours to the agent. One such parameter per operation, shown only in the tool
 * variant (`@tool`), gives each operation its own default: what it does, the inputs it needs,
 * units and limits. The workflow author can still edit it.
 */
export function toolDescriptionFields(texts: Record<string, string>): INodeProperties[] {
	return Object.entries(texts).map(([operation, text]) => ({
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: text,
		description:
			'What the AI agent or MCP client is told this tool does; the default names its inputs, units and limits',
		displayOptions: { show: { '@tool': [true], resource: ['assignment'], operation: [operation] } },
	}));
}

/** Whether this node runs as an AI tool (the `…Tool` variant n8n makes of it), not in a workflow. */
export function runsAsTool(ctx: Pick<IExecuteFunctions, 'getNode'>): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

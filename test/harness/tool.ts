import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { deepCopy, NodeConnectionTypes } from 'n8n-workflow';

import { packageName } from './run';

/**
 * The `<node>Tool` variant n8n 2.41 makes of a `usableAsTool` node (packages/cli
 * tool-generation/ai-tools.ts `convertNodeToAiTool`, which the n8n package does not export):
 * renamed, no main input, an ai_tool output, and, unless the node has a `toolDescription`
 * parameter of its own, n8n's "Tool Description: Set Automatically / Manually" pair.
 */
export function toolVariant(node: INodeType): INodeType {
	const description = deepCopy(node.description) as INodeTypeDescription;
	const properties = [...description.properties];
	if (!properties.some((property) => property.name === 'toolDescription')) {
		const manual: INodeProperties = {
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: description.description,
			required: true,
			displayOptions: { show: { descriptionType: ['manual'] } },
		};
		const auto: INodeProperties = {
			displayName: 'Tool Description',
			name: 'descriptionType',
			type: 'options',
			options: [
				{ name: 'Set Automatically', value: 'auto' },
				{ name: 'Set Manually', value: 'manual' },
			],
			default: 'auto',
		};
		properties.unshift(auto, manual);
	}
	delete description.usableAsTool;
	return {
		description: {
			...description,
			name: `${description.name}Tool`,
			displayName: `${description.displayName} Tool`,
			inputs: [],
			outputs: [NodeConnectionTypes.AiTool],
			properties,
		},
		methods: node.methods,
		execute: node.execute,
	};
}

/** What n8n hands an agent for each connected tool node (a LangChain structured tool). */
interface AgentTool {
	name: string;
	description: string;
	schema: { shape?: Record<string, { description?: string }> };
	invoke(args: IDataObject): Promise<string>;
}

/**
 * Plays the agent (or the MCP Server Trigger): asks n8n-core for the connected tools, reports
 * each one's name, description and parameters, then makes the calls its input items ask for
 * ({ tool, args }), each answered with the tool's result or its error message.
 */
export class ToolCaller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls its AI tools as an agent would',
		defaults: { name: 'Tool Caller' },
		// Lint asks it of every node class; this test node is never offered as a tool.
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools' }],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as AgentTool[];
		const listed = tools.map((tool) => ({
			name: tool.name,
			description: tool.description,
			parameters: Object.keys(tool.schema.shape ?? {}),
		}));
		const output: INodeExecutionData[] = [{ json: { tools: listed } }];
		for (const item of this.getInputData()) {
			const { tool: name, args } = item.json as { tool?: string; args?: IDataObject };
			if (!name) continue;
			const tool = tools.find((candidate) => candidate.name === name);
			try {
				if (!tool) throw new Error(`No tool named ${name}`);
				output.push({ json: { tool: name, result: JSON.parse(await tool.invoke(args ?? {})) } });
			} catch (error) {
				output.push({ json: { tool: name, error: (error as Error).message } });
			}
		}
		return [output];
	}
}

export const toolCallerType = 'test.toolCaller';
export const toolType = (node: string) => `${packageName}.${node}Tool`;

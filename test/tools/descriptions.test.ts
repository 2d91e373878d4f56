import type { INode, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import * as registry from '../harness/registry';
import { toolVariant } from '../harness/tool';

/**
 * What an agent is told about each operation, as n8n 2.41 computes it for the tool variant of a
 * node: the node's parameters with their defaults (as the engine loads a workflow), then
 * NodeHelpers.getToolDescriptionForNode, the function n8n-core's tool wrapper calls.
 */
function toolSetup(node: INodeType, operation: string) {
	const tool = toolVariant(node);
	const stub: INode = {
		id: 't',
		name: 't',
		type: `n8n-nodes-assignments.${tool.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'assignment', operation },
	};
	const parameters = NodeHelpers.getNodeParameters(
		tool.description.properties,
		stub.parameters,
		true,
		false,
		stub,
		tool.description,
	);
	stub.parameters = parameters ?? {};
	return { tool, stub, text: NodeHelpers.getToolDescriptionForNode(stub, tool) };
}

const operationsOf = (node: INodeType) =>
	(
		node.description.properties.find((property) => property.name === 'operation')
			?.options as INodePropertyOptions[]
	).map((option) => option);

/** The top-level parameters an operation shows as required in the editor. */
function requiredInputs(node: INodeType, operation: string): string[] {
	const values = NodeHelpers.getNodeParameters(
		node.description.properties,
		{ resource: 'assignment', operation },
		true,
		false,
		null,
		node.description,
	);
	return node.description.properties
		.filter(
			(property: INodeProperties) =>
				property.required &&
				NodeHelpers.displayParameter(values ?? {}, property, null, node.description),
		)
		.map((property) => property.displayName);
}

const cases = registry.nodes.flatMap((node) =>
	operationsOf(node)
		.filter((option) => option.value !== 'deleteAll')
		.map((option) => [node.description.displayName, String(option.value), node] as const),
);

describe('AI tools › what the agent is told', () => {
	it.each(cases)(
		'%s %s: a tool description of its own, naming its required inputs',
		(_, operation, node) => {
			const { text } = toolSetup(node, operation);
			const option = operationsOf(node).find((candidate) => candidate.value === operation);
			// n8n's own fallback is just "<action> in <node>", e.g. "Get many assignments in Paymo".
			expect(text).not.toBe(`${option?.action} in ${node.description.defaults.name}`);
			expect(text.length).toBeGreaterThan(80);
			expect(text).toContain(node.description.defaults.name as string);
			for (const input of requiredInputs(node, operation)) expect(text).toContain(input);
		},
	);

	it('the tool description is a parameter of the tool variant only, editable per node', () => {
		for (const node of registry.nodes) {
			const values = { resource: 'assignment', operation: 'get' };
			const shown = (description: INodeType['description']) =>
				description.properties.filter(
					(property) =>
						property.name === 'toolDescription' &&
						NodeHelpers.displayParameter(values, property, null, description),
				);
			expect(shown(node.description)).toEqual([]);
			expect(shown(toolVariant(node).description)).toHaveLength(1);
			const { tool, stub } = toolSetup(node, 'get');
			stub.parameters.toolDescription = 'Written by the workflow author';
			expect(NodeHelpers.getToolDescriptionForNode(stub, tool)).toBe(
				'Written by the workflow author',
			);
		}
	});

	it.each([
		['Kantata OX', 'kantataOx', /Estimated Minutes \(whole minutes/],
		['Xurrent', 'xurrent', /Planned Effort in whole minutes \(0–600000\)/],
		['Smartsheet RM', 'smartsheetResourceManagement', /Percent \(0–100.*Hours Per Day \(0–24\)/],
		['Paymo', 'paymo', /User ID \(numeric\) and Task ID \(numeric\)/],
	])('%s Create states the units of what it takes', (_, name, units) => {
		const node = registry.nodes.find((candidate) => candidate.description.name === name);
		expect(toolSetup(node as INodeType, 'create').text).toMatch(units);
	});

	it('Paymo Get Many tells the agent that a user or task filter is required', () => {
		const paymo = registry.nodes.find((node) => node.description.name === 'paymo') as INodeType;
		expect(toolSetup(paymo, 'getAll').text).toMatch(
			/requires a filter: Filter By "user" with User ID, or "task" with Task ID/,
		);
	});

	it('Xurrent Delete All is not offered in the tool variant (only in the workflow node)', () => {
		const xurrent = registry.nodes.find((node) => node.description.name === 'xurrent') as INodeType;
		const deleteAll = operationsOf(xurrent).find((option) => option.value === 'deleteAll');
		const values = { resource: 'assignment' };
		expect(
			NodeHelpers.displayParameter(
				values,
				deleteAll as INodePropertyOptions,
				null,
				xurrent.description,
			),
		).toBe(true);
		expect(
			NodeHelpers.displayParameter(
				values,
				deleteAll as INodePropertyOptions,
				null,
				toolVariant(xurrent).description,
			),
		).toBe(false);
	});
});

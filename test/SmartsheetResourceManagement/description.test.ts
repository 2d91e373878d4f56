import type { ICredentialDataDecryptedObject, INode, INodeProperties } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import codex from '../../nodes/SmartsheetResourceManagement/SmartsheetResourceManagement.node.json';
import { SmartsheetResourceManagementApi } from '../../credentials/SmartsheetResourceManagementApi.credentials';
import { SmartsheetResourceManagement } from '../../nodes/SmartsheetResourceManagement/SmartsheetResourceManagement.node';

const credential = new SmartsheetResourceManagementApi();
const node = new SmartsheetResourceManagement();

/** Resolves a credential expression with n8n's own expression engine, as the credential test does. */
function resolve(expression: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	const host: INode = {
		id: 'n',
		name: 'n',
		type: 'n8n-nodes-assignments.smartsheetResourceManagement',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => node,
			getByNameAndVersion: () => node,
			getKnownTypes: () => ({}),
		},
	});
	return workflow.expression.getSimpleParameterValue(
		host,
		expression as string,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
}

describe('Smartsheet RM › credential', () => {
	const property = (name: string) =>
		credential.properties.find((item) => item.name === name) as INodeProperties;

	it('keeps the token in a password field and sends it only as the `auth` header', async () => {
		expect(credential.name).toBe('smartsheetResourceManagementApi');
		expect(property('apiToken').typeOptions?.password).toBe(true);
		const baseURL = 'https://api.rm.smartsheet.com/api/v1';
		const applied = await credential.authenticate(
			{ apiToken: 'dummy-rm-description' },
			{ baseURL, url: '/users', qs: { per_page: 1 }, headers: { Accept: 'application/json' } },
		);
		expect(applied).toEqual({
			baseURL,
			url: '/users',
			qs: { per_page: 1 },
			headers: { Accept: 'application/json', auth: 'dummy-rm-description' },
		});
	});

	it('offers US, EU and a custom base URL shown only for "custom"', () => {
		expect(property('region').options?.map((option) => 'value' in option && option.value)).toEqual([
			'https://api.rm.smartsheet.com/api/v1',
			'https://api.rm.smartsheet.eu/api/v1',
			'custom',
		]);
		expect(property('region').default).toBe('https://api.rm.smartsheet.com/api/v1');
		expect(property('baseUrl').displayOptions).toEqual({ show: { region: ['custom'] } });
	});

	it.each([
		[
			'US',
			{ region: 'https://api.rm.smartsheet.com/api/v1' },
			'https://api.rm.smartsheet.com/api/v1',
		],
		[
			'EU',
			{ region: 'https://api.rm.smartsheet.eu/api/v1' },
			'https://api.rm.smartsheet.eu/api/v1',
		],
		[
			'custom',
			{ region: 'custom', baseUrl: 'https://rm.example.test/api/v1//' },
			'https://rm.example.test/api/v1',
		],
	])('tests the %s credential with GET /users?per_page=1', (_, credentials, baseURL) => {
		const request = credential.test.request;
		expect(resolve(request.baseURL, { apiToken: 't', ...credentials })).toBe(baseURL);
		expect(request.url).toBe('/users');
		expect(request.qs).toEqual({ per_page: 1 });
	});
});

describe('Smartsheet RM › node description', () => {
	const { description } = node;

	it('is the versioned, tool-usable node the codex names', () => {
		expect(description.name).toBe('smartsheetResourceManagement');
		expect(description.displayName).toBe('Smartsheet Resource Management');
		expect(description.version).toEqual([1, 1.1]);
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toBe(
			'={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		);
		expect(description.credentials).toEqual([
			{ name: 'smartsheetResourceManagementApi', required: true },
		]);
		expect(codex.node).toBe('n8n-nodes-assignments.smartsheetResourceManagement');
		expect(description.icon).toEqual({
			light: 'file:../../icons/smartsheetResourceManagement.svg',
			dark: 'file:../../icons/smartsheetResourceManagement.dark.svg',
		});
	});

	it('offers the assignment operations with resource-named actions', () => {
		const operation = description.properties.find((item) => item.name === 'operation');
		const options = (operation?.options ?? []) as Array<{ value: string; action: string }>;
		expect(options.map((option) => option.value).sort()).toEqual(
			['create', 'delete', 'ensureAssigned', 'ensureUnassigned', 'get', 'getAll', 'update'].sort(),
		);
		for (const option of options) expect(option.action).toMatch(/assignment/);
	});

	it('describes From and To as overlap filters', () => {
		const filters = description.properties.find(
			(item) => item.name === 'filters',
		) as INodeProperties;
		const descriptions = ((filters.options ?? []) as INodeProperties[]).map(
			(option) => option.description,
		);
		expect(descriptions).toHaveLength(2);
		for (const text of descriptions) expect(text).toContain('overlap');
	});
});

import type { ICredentialDataDecryptedObject, ICredentialType, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { credentials } from './harness/registry';

// A workflow only to reach n8n's expression engine, the one the server uses for credentials.
const node: INode = {
	id: '1',
	name: 'N',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: {
		getByName: () => ({ description: { properties: [] } }) as never,
		getByNameAndVersion: () => ({ description: { properties: [] } }) as never,
		getKnownTypes: () => ({}),
	},
});

const resolve = (value: unknown, data: ICredentialDataDecryptedObject) =>
	workflow.expression.getSimpleParameterValue(
		node,
		value as string,
		'internal',
		{ $credentials: data },
		undefined,
		'',
	);

/** Every field at its default, a value for each secret, as a user would save it. */
function filled(type: ICredentialType): ICredentialDataDecryptedObject {
	const data: ICredentialDataDecryptedObject = {};
	for (const property of type.properties) {
		data[property.name] = property.typeOptions?.password
			? `dummy-${property.name}-value`
			: (property.default as string);
	}
	return data;
}

/**
 * What a credential adds to a request: headers and basic auth (where secrets belong) and
 * everything else. Generic blocks are resolved as the server does; functions are called.
 */
async function applied(type: ICredentialType, data: ICredentialDataDecryptedObject) {
	if (typeof type.authenticate === 'function') {
		const options = await type.authenticate(data, {
			url: 'https://api.example.com/probe',
			qs: {},
			headers: {},
		});
		const { headers, auth, ...elsewhere } = options;
		return { sent: { headers, auth }, elsewhere };
	}
	const properties = (
		type.authenticate as unknown as {
			properties: Record<string, Record<string, unknown>>;
		}
	).properties;
	const resolved = Object.fromEntries(
		Object.entries(properties).map(([target, entries]) => [
			target,
			Object.fromEntries(
				Object.entries(entries).map(([key, value]) => [
					String(resolve(key, data)),
					resolve(value, data),
				]),
			),
		]),
	);
	const { headers, auth, ...elsewhere } = resolved;
	return { sent: { headers, auth }, elsewhere };
}

const tokenTypes = credentials.filter((type) => !type.extends?.includes('oAuth2Api'));
const oauthTypes = credentials.filter((type) => type.extends?.includes('oAuth2Api'));

describe.each(tokenTypes.map((type) => [type.name, type] as const))('credential %s', (_, type) => {
	it('has a test request whose base URL resolves to an https URL', () => {
		expect(type.test).toBeDefined();
		const baseURL = String(resolve(type.test?.request.baseURL, filled(type)));
		expect(baseURL).toMatch(/^https:\/\/[^/]+/);
		expect(baseURL).not.toMatch(/\/$/);
		expect(type.test?.request.url).toMatch(/^\//);
	});

	it('keeps every secret in headers or basic auth, never in the query or URL', async () => {
		const data = filled(type);
		const secrets = type.properties.filter((property) => property.typeOptions?.password);
		expect(secrets.length).toBeGreaterThan(0);
		const { sent, elsewhere } = await applied(type, data);
		for (const secret of secrets) {
			expect(JSON.stringify(sent)).toContain(String(data[secret.name]));
			expect(JSON.stringify(elsewhere)).not.toContain(String(data[secret.name]));
		}
	});

	it('has an icon and a documentation URL', () => {
		expect(type.icon).toBeDefined();
		expect(type.documentationUrl).toMatch(/^https:\/\//);
	});
});

describe.each(oauthTypes.map((type) => [type.name, type] as const))(
	'OAuth2 credential %s',
	(_, type) => {
		it('presets the grant and token URL and has an icon', () => {
			const names = type.properties.map((property) => property.name);
			expect(names).toEqual(
				expect.arrayContaining(['grantType', 'accessTokenUrl', 'scope', 'authentication']),
			);
			expect(type.icon).toBeDefined();
		});
	},
);

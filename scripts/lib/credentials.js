'use strict';
// n8n credential data per credential type of this package, pointed at the vendor sandbox
// (`sandbox.vendors` from sandbox/server.js). Used by the e2e runner and by `npm start`.

const SANDBOX_CREDENTIALS = {
	kantataOxApi: (v) => ({ accessToken: v.kantata.accessToken, baseUrl: v.kantata.baseUrl }),
	smartsheetResourceManagementApi: (v) => ({
		apiToken: v.rm.apiToken,
		region: 'custom',
		baseUrl: v.rm.baseUrl,
	}),
	xurrentApi: (v) => ({
		accessToken: v.xurrent.accessToken,
		environment: 'custom',
		customUrl: v.xurrent.baseUrl,
		accountId: v.xurrent.accountId,
	}),
	xurrentOAuth2Api: (v) => ({
		environment: 'custom',
		customUrl: v.xurrent.baseUrl,
		customTokenUrl: v.xurrent.tokenUrl,
		accountId: v.xurrent.accountId,
		clientId: v.xurrent.clientId,
		clientSecret: v.xurrent.clientSecret,
	}),
	paymoApi: (v) => ({ apiKey: v.paymo.apiKey, baseUrl: v.paymo.baseUrl }),
};

/** Display names of the credentials `npm start` imports, by type. */
const SANDBOX_NAMES = {
	kantataOxApi: 'Kantata OX (sandbox)',
	smartsheetResourceManagementApi: 'Smartsheet RM (sandbox)',
	xurrentApi: 'Xurrent (sandbox)',
	xurrentOAuth2Api: 'Xurrent OAuth2 (sandbox)',
	paymoApi: 'Paymo (sandbox)',
};

/** The fixed credential ID `npm start` imports a type under, e.g. sandboxKantataOxApi. */
const sandboxCredentialId = (type) => `sandbox${type[0].toUpperCase()}${type.slice(1)}`;

/**
 * The credentials a set of workflows uses, with sandbox data: each node names its credential by
 * type, ID and name, and is imported under that ID and name. Fails on a type without an entry.
 */
function workflowCredentials(workflows, vendors) {
	const byId = new Map();
	for (const { file, workflow } of workflows) {
		for (const node of workflow.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				if (!SANDBOX_CREDENTIALS[type])
					throw new Error(
						`${file}: no sandbox credential for type ${type}; add one to SANDBOX_CREDENTIALS in scripts/lib/credentials.js`,
					);
				byId.set(ref.id, {
					id: ref.id,
					name: ref.name,
					type,
					data: SANDBOX_CREDENTIALS[type](vendors),
				});
			}
		}
	}
	return [...byId.values()];
}

/** Every secret the sandbox knows: each credential's token, key or client secret, and issued OAuth2 tokens. */
function sandboxSecrets(sandbox) {
	const v = sandbox.vendors;
	return [
		v.kantata.accessToken,
		v.rm.apiToken,
		v.xurrent.accessToken,
		v.xurrent.clientSecret,
		v.paymo.apiKey,
		...sandbox.state.xurrent.tokens.keys(),
	];
}

module.exports = {
	SANDBOX_CREDENTIALS,
	SANDBOX_NAMES,
	sandboxCredentialId,
	sandboxSecrets,
	workflowCredentials,
};

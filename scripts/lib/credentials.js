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

module.exports = { SANDBOX_CREDENTIALS, SANDBOX_NAMES, sandboxCredentialId };

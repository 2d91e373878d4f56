#!/usr/bin/env node
'use strict';
// The node's pickers in a real n8n, through the REST endpoints the editor calls:
// POST /rest/dynamic-node-parameters/resource-locator-results (listSearch) and …/options
// (loadOptions). Run against `npm start` (its sandbox credentials and owner sign-in):
//
//   node test/e2e/pickers.check.js [--url http://localhost:5678]
//
// Each check signs in as the sandbox owner, asks for one picker's first page (with a search
// text where it helps), follows a pagination token where one comes back, and checks the entries
// against the sandbox's fixtures. Exit code 1 when any check fails.

const assert = require('node:assert/strict');

const { SANDBOX_NAMES, sandboxCredentialId } = require('../../scripts/lib/credentials');

const PACKAGE = 'n8n-nodes-assignments';
const OWNER = {
	emailOrLdapLoginId: process.env.N8N_START_EMAIL || 'owner@sandbox.local',
	password: process.env.N8N_START_PASSWORD || 'Sandbox-n8n-2026',
};

const credentialOf = (type) => ({
	[type]: { id: sandboxCredentialId(type), name: SANDBOX_NAMES[type] },
});

/** What one picker must answer: node, parameters, method, search text, expectation. */
const checks = [
	[
		'kantataOx',
		'searchUsers',
		'sandbox admin',
		{ name: 'Sandbox Admin (sandbox.admin@example.com)', value: '3700001' },
	],
	[
		'kantataOx',
		'searchStories',
		'assign me',
		{ name: 'Sandbox: assign me (Sandbox Demo Project)', value: '26100001' },
	],
	[
		'kantataOx',
		'searchWorkspaces',
		'demo project',
		{ name: 'Sandbox Demo Project', value: '2100001' },
	],
	[
		'kantataOx',
		'searchResources',
		'sandbox admin',
		{ name: 'Sandbox Admin (Sandbox Demo Project)', value: '5001' },
	],
	[
		'paymo',
		'searchUsers',
		'beatrice',
		{ name: 'Beatrice Baldwin (beatrice.baldwin.241184@example.com)', value: '241184' },
	],
	['paymo', 'searchTasks', undefined, undefined],
	[
		'xurrent',
		'searchPeople',
		'beatrice baldwin',
		{ name: 'Beatrice Baldwin (beatrice.baldwin@example.com)', value: '41' },
	],
	['xurrent', 'searchProjectTasks', undefined, undefined],
	['smartsheetResourceManagement', 'searchUsers', undefined, undefined],
	[
		'smartsheetResourceManagement',
		'searchProjects',
		'sandbox demo',
		{ name: 'Sandbox Demo Project', value: '183760' },
	],
	[
		'smartsheetResourceManagement',
		'searchPlaceholders',
		'designer',
		{ name: 'Designer', value: '900001' },
	],
	['smartsheetResourceManagement', 'searchAssignables', undefined, undefined],
];

const credentialTypes = {
	kantataOx: 'kantataOxApi',
	paymo: 'paymoApi',
	xurrent: 'xurrentApi',
	smartsheetResourceManagement: 'smartsheetResourceManagementApi',
};
const authentication = { kantataOx: 'accessToken', xurrent: 'accessToken', paymo: 'apiKey' };

async function main() {
	const urlArg = process.argv.indexOf('--url');
	const base = urlArg > 0 ? process.argv[urlArg + 1] : 'http://localhost:5678';
	const login = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	assert.equal(login.status, 200, `sign-in answered ${login.status}`);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const post = async (endpoint, body) => {
		const response = await fetch(`${base}/rest/dynamic-node-parameters/${endpoint}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie, 'browser-id': 'pickers-check' },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		assert.equal(
			response.status,
			200,
			`${endpoint} answered ${response.status}: ${text.slice(0, 300)}`,
		);
		return JSON.parse(text).data;
	};
	const request = (node, methodName, extra) => ({
		path: 'parameters',
		nodeTypeAndVersion: { name: `${PACKAGE}.${node}`, version: 1 },
		currentNodeParameters: {
			resource: 'assignment',
			operation: 'create',
			...(authentication[node] ? { authentication: authentication[node] } : {}),
		},
		methodName,
		credentials: credentialOf(credentialTypes[node]),
		...extra,
	});

	let failed = 0;
	const check = async (title, fn) => {
		try {
			await fn();
			console.log(`  ✓ ${title}`);
		} catch (error) {
			failed++;
			console.log(`  ✗ ${title}\n    ${error.message}`);
		}
	};
	for (const [node, method, filter, expected] of checks) {
		await check(`${node} ${method}${filter ? ` "${filter}"` : ''}`, async () => {
			const first = await post(
				'resource-locator-results',
				request(node, method, filter ? { filter } : {}),
			);
			assert.ok(first.results.length > 0, 'no entries');
			if (expected) assert.deepEqual(first.results[0], expected);
			if (first.paginationToken) {
				const next = await post(
					'resource-locator-results',
					request(node, method, {
						...(filter ? { filter } : {}),
						paginationToken: first.paginationToken,
					}),
				);
				assert.ok(Array.isArray(next.results), 'the next page has no results list');
			}
		});
	}
	await check('smartsheetResourceManagement getStatusOptions (loadOptions)', async () => {
		const options = await post('options', {
			...request('smartsheetResourceManagement', undefined, {}),
			methodName: 'getStatusOptions',
			path: 'parameters.additionalFields.statusOptionId',
		});
		assert.deepEqual(
			options.map((option) => option.name),
			['Planned', 'In progress', 'Done'],
		);
	});
	console.log(
		failed ? `${failed} picker check(s) failed` : 'every picker answered from the sandbox',
	);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

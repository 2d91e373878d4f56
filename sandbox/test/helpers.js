'use strict';
// Shared set-up for the sandbox's own tests: a sandbox per test file and authenticated fetches.

const { createSandbox } = require('../server');
const constants = require('../constants');

/** The jest environment blocks the network except through nock; the sandbox is on loopback. */
function allowLoopback() {
	beforeEach(() => {
		nock.enableNetConnect(/127\.0\.0\.1|localhost/);
	});
}

/** A sandbox for the whole file, reset to its seed before each test. */
function useSandbox(options = {}) {
	const ref = { current: undefined };
	allowLoopback();
	beforeAll(async () => {
		ref.current = await createSandbox({ seed: 'test', size: 300, ...options });
	});
	beforeEach(() => ref.current.reset());
	afterAll(async () => {
		await ref.current?.close();
	});
	return () => ref.current;
}

/** fetch + parsed body (JSON when it parses, else text). */
async function call(url, init = {}) {
	const response = await fetch(url, { redirect: 'manual', ...init });
	const text = await response.text();
	let body = text;
	try {
		body = text === '' ? undefined : JSON.parse(text);
	} catch {
		// not JSON: keep the text
	}
	return { status: response.status, headers: response.headers, body, text };
}

const jsonInit = (method, body, headers) => ({
	method,
	headers: { 'content-type': 'application/json', ...headers },
	body: JSON.stringify(body),
});

const basic = (user, password = 'X') =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const auth = {
	kantata: { authorization: `Bearer ${constants.kantata.accessToken}` },
	rm: { auth: constants.rm.apiToken },
	xurrent: {
		authorization: `Bearer ${constants.xurrent.accessToken}`,
		'x-xurrent-account': constants.xurrent.accountId,
	},
	paymo: { authorization: basic(constants.paymo.apiKey) },
};

module.exports = { allowLoopback, useSandbox, call, jsonInit, basic, auth, constants };

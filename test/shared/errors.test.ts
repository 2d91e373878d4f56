import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { kantataOxTransport } from '../../nodes/KantataOx/transport';
import { asNodeError, httpError, withPageContext } from '../../nodes/shared/transport/errors';
import {
	connectionFailure,
	networkError,
	requestFailure,
} from '../../nodes/shared/transport/networkErrors';
import type { TransportConfig } from '../../nodes/shared/transport/types';

const node: INode = {
	id: '1',
	name: 'Node',
	type: 'n8n-nodes-assignments.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const plain: TransportConfig = {
	credentials: [{ authentication: 'token', type: 'testApi' }],
	baseUrl: () => 'https://api.test',
	errorText: (body) => ({ message: (body as { message?: string })?.message }),
	hints: { 401: 'Check the token.' },
	timeoutMs: 60_000,
};

describe('httpError', () => {
	it.each([
		[
			'vendor message and hint',
			plain,
			401,
			{ message: 'Bad token' },
			'Bad token',
			'Check the token.',
		],
		[
			'status text when the vendor says nothing',
			plain,
			404,
			'',
			'The resource could not be found',
			undefined,
		],
		['unknown status', plain, 418, null, 'The service answered HTTP 418', undefined],
		[
			'Kantata validation errors with fields',
			kantataOxTransport,
			422,
			{
				errors: [
					{ type: 'validation', message: 'is invalid', field: 'story_id' },
					{ type: 'validation', message: 'must be set', field: 'assignee_id' },
				],
			},
			'story_id: is invalid',
			'assignee_id: must be set',
		],
		[
			'Kantata OAuth failure',
			kantataOxTransport,
			401,
			{ errors: [{ type: 'oauth', message: 'Invalid OAuth 2 Request' }] },
			'Invalid OAuth 2 Request',
			'Check the access token',
		],
		[
			'Kantata error_message',
			kantataOxTransport,
			400,
			{ error_message: 'Missing' },
			'Missing',
			'Check the parameters',
		],
	])('%s', (_, config, status, body, message, description) => {
		const error = httpError(node, config, { statusCode: status, headers: {}, body }, 3, 1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(message);
		expect(error.httpCode).toBe(String(status));
		expect(error.context.itemIndex).toBe(3);
		if (description === undefined) expect(error.description ?? undefined).toBeUndefined();
		else expect(error.description).toContain(description);
	});

	it('says how often it tried after retries', () => {
		const error = httpError(node, plain, { statusCode: 503, headers: {}, body: '' }, 0, 5);
		expect(error.description).toContain('Attempts: 5.');
	});

	it('carries only status and body, never request options', () => {
		const error = httpError(
			node,
			plain,
			{ statusCode: 401, headers: { authorization: 'Bearer s3cret' }, body: { message: 'no' } },
			0,
			1,
		);
		expect(JSON.stringify({ ...error, cause: error.cause })).not.toContain('s3cret');
	});
});

describe('networkError', () => {
	it('names the code and the attempts', () => {
		const error = networkError(node, { code: 'ECONNRESET', timeout: 1000 }, 2, 3);
		// n8n rewrites well-known network codes into its own wording, which users recognise.
		expect(error.message).toMatch(/connection to the server was closed unexpectedly/);
		expect(error.description).toContain('3 attempts');
		expect(error.context.itemIndex).toBe(2);
	});

	it('says how long it waited when the service did not answer in time', () => {
		const error = networkError(node, { code: 'ECONNABORTED', timeout: 250 }, 0, 5);
		expect(error.message).toBe('The service did not answer within 250 ms');
		expect(error.description).toContain('5 attempts');
		expect(error.description).toContain('(ECONNABORTED)');
		expect(error.description).toContain('raise Timeout under Request Options');
	});
});

describe('withPageContext', () => {
	it('adds the page and the records read to a service error', () => {
		const error = networkError(node, { code: 'ECONNRESET', timeout: 1000 }, 0, 5);
		withPageContext(error, 7, 600);
		expect(error.description).toContain(
			'Failed while reading page 7 of the list, after 600 records.',
		);
		expect(error.description).toContain('5 attempts');
	});

	it('leaves other errors alone', () => {
		const error = new Error('Limit must be a whole number');
		expect(withPageContext(error, 1, 0)).toBe(error);
		expect(error).not.toHaveProperty('description');
	});
});

describe('connectionFailure', () => {
	it.each([
		['code on the cause, as n8n wraps it', { cause: { code: 'ECONNRESET' } }, 'ECONNRESET'],
		['code on the error', { code: 'ETIMEDOUT' }, 'ETIMEDOUT'],
		['a wrong host is not retried', { cause: { code: 'ENOTFOUND' } }, undefined],
		[
			'an OAuth2 token failure is not a connection failure',
			new Error('Failed to acquire token'),
			undefined,
		],
		['nothing', undefined, undefined],
	])('%s', (_, error, expected) => {
		expect(connectionFailure(error)).toBe(expected);
	});
});

describe('asNodeError', () => {
	it('keeps n8n errors and wraps the rest with the item index', () => {
		const api = new NodeApiError(node, {}, { message: 'x', itemIndex: 1 });
		expect(asNodeError(node, api, 5)).toBe(api);
		const operation = new NodeOperationError(node, 'y');
		expect(asNodeError(node, operation, 4).context.itemIndex).toBe(4);
		const wrapped = asNodeError(node, new Error('plain'), 2);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.context.itemIndex).toBe(2);
	});
});

describe('requestFailure', () => {
	it('keeps the words and code of a failure without an answer, never the request options', () => {
		const failure = Object.assign(new Error('self-signed certificate in certificate chain'), {
			code: 'SELF_SIGNED_CERT_IN_CHAIN',
			config: { headers: { Authorization: 'Bearer dummy-config-secret' } },
			request: { _header: 'GET / HTTP/1.1 Authorization: Bearer dummy-config-secret' },
		});
		const error = requestFailure(node, failure, 3);
		expect(error.message).toBe('self-signed certificate in certificate chain');
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toContain('Check the base URL and the credential');
		const serialised = JSON.stringify({ ...error, cause: error.cause, stack: error.stack });
		expect(serialised).not.toContain('dummy-config-secret');
	});
});

import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { HttpResponse, TransportConfig } from './types';

const statusText: Record<number, string> = {
	400: 'The request was not valid',
	401: 'Authorization failed',
	403: 'Access was refused',
	404: 'The resource could not be found',
	409: 'The request conflicts with the current state of the resource',
	422: 'The request could not be processed',
	429: 'Too many requests: the service is rate limiting',
	500: 'The service had an internal error',
	502: 'The service is unreachable (bad gateway)',
	503: 'The service is unavailable',
	504: 'The service timed out (gateway timeout)',
};

const retryHint = 'The request was retried as far as the retry limit allows; try again later.';

/** Turns a failed HTTP exchange into the error the user sees: the vendor's words plus how to fix it. */
export function httpError(
	node: INode,
	config: TransportConfig,
	response: HttpResponse,
	itemIndex: number,
	attempts: number,
): NodeApiError {
	const status = response.statusCode;
	const vendor = config.errorText(response.body);
	const message = vendor.message || statusText[status] || `The service answered HTTP ${status}`;
	const hint = config.hints[status] ?? (attempts > 1 ? retryHint : undefined);
	const description = [
		...(vendor.details ?? []),
		hint,
		attempts > 1 ? `Attempts: ${attempts}.` : '',
	]
		.filter(Boolean)
		.join(' \n');
	// Only status and body travel with the error: request options would carry the credentials.
	const errorResponse: JsonObject = { httpCode: String(status), body: asJson(response.body) };
	return new NodeApiError(node, errorResponse, {
		message,
		description: description || undefined,
		httpCode: String(status),
		itemIndex,
	});
}

const connectionCodes = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);

/** The socket error code when a request got no answer; n8n keeps it on the error's cause. */
export function connectionFailure(error: unknown): string | undefined {
	const failure = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = failure?.cause?.code ?? failure?.code;
	return typeof code === 'string' && connectionCodes.has(code) ? code : undefined;
}

/** Codes with which a request gives up waiting for its answer. */
const timeoutCodes = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** A request that got no answer (refused, reset, timed out). */
export function networkError(
	node: INode,
	failure: { code: string; timeout: number },
	itemIndex: number,
	attempts: number,
): NodeApiError {
	const { code, timeout } = failure;
	const timedOut = timeoutCodes.has(code);
	const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
	// n8n swaps a message naming a well-known code for its own wording; for a timeout ours says
	// more (how long), so the code stays out of that message.
	return new NodeApiError(node, timedOut ? { timeout } : { code, message: code }, {
		message: timedOut
			? `The service did not answer within ${timeout} ms`
			: `The service could not be reached (${code})`,
		description: timedOut
			? `No answer after ${tries} (${code}). The service may be overloaded: try again later, or raise Timeout under Request Options.`
			: `No answer after ${tries}. Check the base URL in the credential and the network, then try again.`,
		itemIndex,
	});
}

/**
 * Says where a list failed, so a user can tell a failure on page 40 of a long Return All from a
 * wrong filter on page 1. Input errors are left as they are: they name their parameter already.
 */
export function withPageContext(error: Error, page: number, recordsRead: number): Error {
	if (!(error instanceof NodeApiError)) return error;
	const where = `Failed while reading page ${page} of the list, after ${recordsRead} record${recordsRead === 1 ? '' : 's'}.`;
	error.description = [error.description, where].filter(Boolean).join(' \n');
	return error;
}

/**
 * A request that failed without an HTTP answer or a retryable socket code (unknown host, TLS,
 * a refused OAuth2 token request). The error n8n hands back carries the request configuration,
 * headers and credentials included, so only its words and code are kept.
 */
export function requestFailure(node: INode, error: unknown, itemIndex: number): NodeApiError {
	const failure = (error ?? {}) as {
		message?: unknown;
		code?: unknown;
		httpCode?: unknown;
		cause?: { code?: unknown; message?: unknown };
	};
	const code = [failure.cause?.code, failure.code].find((value) => typeof value === 'string');
	const message =
		[failure.message, failure.cause?.message].find(
			(value): value is string => typeof value === 'string' && value !== '',
		) ?? 'The request failed';
	return new NodeApiError(
		node,
		{ message, ...(code ? { code: code as string } : {}) },
		{
			message,
			httpCode: typeof failure.httpCode === 'string' ? failure.httpCode : undefined,
			description:
				'The request did not get an answer from the service. Check the base URL and the credential, then try again.',
			itemIndex,
		},
	);
}

/** Keeps n8n's own errors as they are (they already carry item and description); wraps the rest. */
export function asNodeError(
	node: INode,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error, { itemIndex });
}

function asJson(body: unknown): JsonObject | string | null {
	if (body === undefined || body === null || body === '') return null;
	return typeof body === 'object' ? (body as JsonObject) : String(body).slice(0, 2000);
}

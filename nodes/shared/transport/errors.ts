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

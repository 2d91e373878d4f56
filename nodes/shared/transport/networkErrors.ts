import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

// Failures without a usable HTTP answer: no answer at all, an answer cut off, or a request that
// never left (unknown host, TLS, a refused OAuth2 token request).

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

interface Failure {
	code?: unknown;
	message?: unknown;
	response?: { status?: unknown };
	cause?: Failure;
}

/** The socket error code when a request got no answer; n8n keeps it on the error's cause. */
export function connectionFailure(error: unknown): string | undefined {
	const failure = error as Failure | undefined;
	const code = failure?.cause?.code ?? failure?.code;
	return typeof code === 'string' && connectionCodes.has(code) ? code : undefined;
}

/**
 * Whether the answer began (status and headers arrived) and the connection closed before its
 * body was complete: axios says "stream has been aborted" (ERR_BAD_RESPONSE), or a socket code
 * with the response attached. The service has carried out the request.
 */
export function isCutOff(error: unknown): boolean {
	const failure = error as Failure | undefined;
	const inner = failure?.cause ?? failure;
	const code = inner?.code ?? failure?.code;
	const message = String(inner?.message ?? failure?.message ?? '');
	if (code === 'ERR_BAD_RESPONSE' && /aborted/i.test(message)) return true;
	return (
		typeof code === 'string' && connectionCodes.has(code) && inner?.response?.status !== undefined
	);
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

/**
 * An answer cut off mid-body. A read was tried again as far as the retry limit allows; anything
 * else may have been carried out, so it was not repeated and the user must check.
 */
export function cutOffError(
	node: INode,
	failure: { idempotent: boolean; attempts: number },
	itemIndex: number,
): NodeApiError {
	const { idempotent, attempts } = failure;
	const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
	return new NodeApiError(
		node,
		{ message: 'cut off', code: 'ERR_BAD_RESPONSE' },
		{
			message: 'The answer was cut off before it was complete',
			description: idempotent
				? `The connection closed while the answer was arriving, after ${tries}. The service or a proxy in between may be overloaded: try again later.`
				: 'The connection closed while the answer was arriving, so the service may have carried out this request and the record may exist: look for it (e.g. with Get Many) before running this item again. It was not sent again, to avoid a duplicate.',
			itemIndex,
		},
	);
}

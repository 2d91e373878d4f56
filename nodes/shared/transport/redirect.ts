import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { onOrigin } from './baseUrl';
import type { HttpResponse } from './types';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Statuses that by definition repeat the request with its method and body. */
const keepMethod = new Set([307, 308]);
export const maxRedirects = 5;

const movedHint =
	'If the service has moved, set its new address as the base URL in the credential.';

/** The kernel's refusal (not the service's failure): final, never retried. */
function redirectError(node: INode, itemIndex: number, message: string, hint: string) {
	return new NodeOperationError(node, message, { description: `${hint} ${movedHint}`, itemIndex });
}

/**
 * The request a redirect leads to, undefined when the answer is no redirect. n8n would follow
 * any redirect and send the credential along, custom headers included, so the kernel asks n8n not
 * to follow and follows only what stays on the credential's origin:
 * - another origin: an error naming both hosts; nothing is sent there;
 * - GET: 301, 302, 303, 307 and 308 are followed (at most `maxRedirects` in a row);
 * - other methods: only 307 and 308, which keep method and body. After a 301 or 302 clients
 *   disagree on whether to repeat a write, and a 303 says it was carried out: not sent again.
 */
export function redirectTarget(
	node: INode,
	itemIndex: number,
	root: URL,
	request: IHttpRequestOptions,
	response: HttpResponse,
	hops: number,
): IHttpRequestOptions | undefined {
	const status = response.statusCode;
	const location = response.headers.location;
	if (!redirectStatuses.has(status) || !location) return undefined;
	const target = new URL(location, request.url);
	if (!onOrigin(root, target)) {
		throw redirectError(
			node,
			itemIndex,
			`The service redirected the request (HTTP ${status}) from ${root.origin} to ${target.origin}`,
			`Redirects are followed only on the credential’s host (${root.origin}), so the credentials are never sent elsewhere.`,
		);
	}
	if (hops >= maxRedirects) {
		throw redirectError(
			node,
			itemIndex,
			`The service redirected the request more than ${maxRedirects} times`,
			`The last redirect pointed to ${target.origin}${target.pathname}.`,
		);
	}
	if (request.method !== 'GET' && !keepMethod.has(status)) {
		throw redirectError(
			node,
			itemIndex,
			`The service redirected the request (HTTP ${status}) to ${target.origin}${target.pathname}`,
			`A ${request.method} is repeated at a new address only after a 307 or 308; after a ${status} it was not sent again, since the service may have carried it out.`,
		);
	}
	// The Location carries its own query.
	return { ...request, url: target.href, qs: undefined };
}

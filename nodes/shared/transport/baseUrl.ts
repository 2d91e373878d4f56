import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { allowsCredentials, baseUrlErrors } from '../originRule';

type WithNode = { getNode(): INode };

/** Parses and checks the credential's base URL: HTTPS, or plain HTTP only on this machine. */
export function parseBaseUrl(ctx: WithNode, raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw.trim().replace(/\/+$/, ''));
	} catch {
		const { message, description } = baseUrlErrors.invalid(raw);
		throw new NodeOperationError(ctx.getNode(), message, { description });
	}
	if (!allowsCredentials(url)) {
		const { message, description } = baseUrlErrors.insecure(url);
		throw new NodeOperationError(ctx.getNode(), message, { description });
	}
	return url;
}

/** A path under the base URL, or a server-given link that must stay on the base URL's origin. */
export function resolveTarget(
	ctx: WithNode,
	itemIndex: number,
	root: URL,
	target: { path?: string; url?: string },
	pathSuffix = '',
): string {
	if (target.url === undefined) {
		return `${root.href.replace(/\/$/, '')}${target.path ?? ''}${pathSuffix}`;
	}
	const link = new URL(target.url, root.origin);
	if (!onOrigin(root, link)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The service sent a next-page link to another host (${link.origin})`,
			{
				itemIndex,
				description: `Links are followed only on the credential's host (${root.origin}), so the credentials are never sent elsewhere.`,
			},
		);
	}
	return link.href;
}

/**
 * The one origin check for server-given addresses (next-page links, redirects): scheme, host and
 * port must be the credential's, since n8n re-applies the credential to whatever is requested.
 */
export function onOrigin(root: URL, target: URL): boolean {
	return target.origin === root.origin;
}

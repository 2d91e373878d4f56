import type { IHttpRequestOptions } from 'n8n-workflow';

import type { TransportContext } from './context';
import type { CredentialSession } from './credential';
import { pauseCredential, pauseLeft } from './pause';
import { redirectTarget } from './redirect';
import type { HttpResponse, TransportConfig } from './types';
import { waitFor } from './wait';

export interface Exchange {
	/** Waits out the credential's rate-limit pause, if any. */
	pace(itemIndex: number): Promise<void>;
	/** One attempt: the request and the same-origin redirects it leads to. */
	attempt(itemIndex: number, root: URL, request: IHttpRequestOptions): Promise<HttpResponse>;
}

/** Sends requests through the credential, within the credential's rate-limit pauses. */
export function createExchange(
	ctx: TransportContext,
	config: TransportConfig,
	session: CredentialSession,
	signal: AbortSignal | undefined,
): Exchange {
	async function pace(itemIndex: number) {
		const pause = pauseLeft(session.paceKey);
		if (pause > 0) await waitFor(pause, signal, ctx.getNode(), itemIndex);
	}

	async function send(options: IHttpRequestOptions): Promise<HttpResponse> {
		const raw = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, session.type, {
			...options,
			// Redirects are the kernel's to follow (redirect.ts); a stopped execution ends the request.
			disableFollowRedirect: true,
			...(signal ? { abortSignal: signal } : {}),
		})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(raw.headers ?? {})) {
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
		const response = { statusCode: raw.statusCode, headers, body: raw.body };
		const wait = config.pacer?.(response) ?? 0;
		if (wait > 0) pauseCredential(session.paceKey, Date.now() + wait);
		return response;
	}

	async function attempt(itemIndex: number, root: URL, request: IHttpRequestOptions) {
		let options = request;
		for (let hops = 0; ; hops++) {
			if (hops > 0) await pace(itemIndex);
			const response = await send(options);
			const next = redirectTarget(ctx.getNode(), itemIndex, root, options, response, hops);
			if (!next) return response;
			options = next;
		}
	}

	return { pace, attempt };
}

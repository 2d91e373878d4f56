import type { IHttpRequestOptions } from 'n8n-workflow';

import type { TransportContext } from './context';
import type { CredentialSession } from './credential';
import { NotSentError } from './errors';
import { enterGate, leaveGate } from './gate';
import type { Verdict } from './gate';
import { rateLimitRemaining } from './pacing';
import { pauseCredential, pauseLeft } from './pause';
import { redirectTarget } from './redirect';
import type { HttpResponse, TransportConfig } from './types';
import { waitFor } from './wait';

export interface Exchange {
	/** Waits out the credential's rate-limit pause, if any. */
	pace(itemIndex: number): Promise<void>;
	/**
	 * One attempt: the request and the same-origin redirects it leads to. Time spent waiting for
	 * the credential's gate or pause is added to `queue.ms`: it is not the request's own time.
	 */
	attempt(
		itemIndex: number,
		root: URL,
		request: IHttpRequestOptions,
		queue?: { ms: number },
	): Promise<HttpResponse>;
	/**
	 * From now on nothing more is sent for items after `itemIndex` (a request already sent still
	 * gets its answer; earlier items go on, as they would have one after the other).
	 */
	halt(itemIndex: number): void;
}

/**
 * Sends requests through the credential, within its rate-limit pauses and its gate (how many may
 * be in flight at once, gate.ts).
 */
export function createExchange(
	ctx: TransportContext,
	config: TransportConfig,
	session: CredentialSession,
	signal: AbortSignal | undefined,
): Exchange {
	let haltedAfter = Number.POSITIVE_INFINITY;

	async function pace(itemIndex: number) {
		const pause = pauseLeft(session.paceKey);
		if (pause > 0) await waitFor(pause, signal, ctx.getNode(), itemIndex);
	}

	async function send(
		itemIndex: number,
		options: IHttpRequestOptions,
		queue: { ms: number },
	): Promise<HttpResponse> {
		const queued = Date.now();
		const waited = await enterGate(session.paceKey, signal, ctx.getNode(), itemIndex);
		let verdict: Verdict | undefined;
		try {
			// A pause another request earned while this one waited for the gate holds it too.
			if (waited) await pace(itemIndex);
			queue.ms += Date.now() - queued;
			if (itemIndex > haltedAfter)
				throw new NotSentError(ctx.getNode(), `Not sent: item ${haltedAfter} failed first`, {
					itemIndex,
				});
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
			verdict = {
				remaining: rateLimitRemaining(headers),
				spaced: wait > 0,
				refused: response.statusCode === 429 || response.statusCode === 503,
			};
			return response;
		} finally {
			leaveGate(session.paceKey, verdict);
		}
	}

	async function attempt(
		itemIndex: number,
		root: URL,
		request: IHttpRequestOptions,
		queue = { ms: 0 },
	) {
		let options = request;
		for (let hops = 0; ; hops++) {
			const response = await send(itemIndex, options, queue);
			const next = redirectTarget(ctx.getNode(), itemIndex, root, options, response, hops);
			if (!next) return response;
			options = next;
		}
	}

	return {
		pace,
		attempt,
		halt: (itemIndex) => {
			haltedAfter = Math.min(haltedAfter, itemIndex);
		},
	};
}

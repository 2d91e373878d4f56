import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CredentialSession } from './credential';
import { asNodeError, httpError } from './errors';
import type { Exchange } from './exchange';
import {
	connectionFailure,
	cutOffError,
	isCutOff,
	networkError,
	requestFailure,
} from './networkErrors';
import { retryDelayMs } from './retry';
import type { HttpResponse, RetryPolicy, TransportConfig } from './types';
import { throwIfStopped, waitFor } from './wait';

export interface AttemptSettings {
	node: INode;
	config: TransportConfig;
	policy: RetryPolicy;
	session: CredentialSession;
	exchange: Exchange;
	signal: AbortSignal | undefined;
}

export interface OneRequest {
	itemIndex: number;
	root: URL;
	options: IHttpRequestOptions;
	/** Whether sending it twice cannot cause a second effect. */
	idempotent: boolean;
	/**
	 * The time budget of the whole request in ms: every attempt, the time spent waiting for
	 * answers and the back-off between attempts count against it. Each attempt may wait for its
	 * answer only as long as is left, and a back-off that would not fit is not started. The
	 * credential's rate-limit pauses do not count: they are not this request's failure.
	 */
	budgetMs: number;
}

/** Sends one request, trying again what is safe to try again, until it succeeds or must stop. */
export async function sendWithRetries(
	s: AttemptSettings,
	request: OneRequest,
): Promise<HttpResponse> {
	const { node, signal } = s;
	const { itemIndex, idempotent, budgetMs } = request;
	let spentMs = 0;
	let waitedMs = 0;

	let outOfTime = false;
	/** The back-off before the next attempt, or undefined to give up. */
	const backOff = (attempt: number, statusCode?: number, headers: Record<string, string> = {}) => {
		const failure = { attempt, statusCode, headers, idempotent, waitedMs };
		const delay = retryDelayMs(failure, s.policy, Date.now(), Math.random);
		outOfTime = delay !== undefined && spentMs + delay >= budgetMs;
		return outOfTime ? undefined : delay;
	};
	const wait = async (delay: number) => {
		waitedMs += delay;
		spentMs += delay;
		await waitFor(delay, signal, node, itemIndex);
	};

	for (let attempt = 1; ; attempt++) {
		await s.exchange.pace(itemIndex);
		const timeout = Math.max(1, Math.ceil(budgetMs - spentMs));
		const started = Date.now();
		let response: HttpResponse;
		try {
			response = await s.exchange.attempt(itemIndex, request.root, { ...request.options, timeout });
		} catch (error) {
			spentMs += Date.now() - started;
			throwIfStopped(signal, node, itemIndex);
			// The kernel's own verdicts (e.g. a redirect to another origin) are final.
			if (error instanceof NodeOperationError) throw asNodeError(node, error, itemIndex);
			const cutOff = isCutOff(error);
			const code = cutOff ? 'cut off' : connectionFailure(error);
			// Anything else (e.g. a refused OAuth2 token request) is not helped by trying again.
			if (!code) throw requestFailure(node, error, itemIndex);
			const delay = backOff(attempt);
			if (delay === undefined) {
				throw cutOff
					? cutOffError(node, { idempotent, attempts: attempt }, itemIndex)
					: networkError(node, { code, timeout: budgetMs }, itemIndex, attempt);
			}
			await wait(delay);
			continue;
		}
		spentMs += Date.now() - started;
		const { statusCode } = response;
		if (statusCode !== 401) s.session.accepted();
		if (statusCode < 300) return response;
		if (statusCode === 401 && (await s.session.renew(itemIndex))) {
			attempt--;
			continue;
		}
		const delay = backOff(attempt, statusCode, response.headers);
		if (delay === undefined) {
			const error = httpError(node, s.config, response, itemIndex, attempt);
			if (outOfTime)
				error.description = [error.description, budgetNote(budgetMs)].filter(Boolean).join(' \n');
			throw error;
		}
		await wait(delay);
	}
}

const budgetNote = (budgetMs: number) =>
	`Trying again would not have fitted in the request’s Timeout (${budgetMs} ms, all attempts and waits together); raise Timeout under Request Options to allow longer waits.`;

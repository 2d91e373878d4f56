import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { checkWholeNumber } from '../validate';
import { sendWithRetries } from './attempts';
import { resolveTarget } from './baseUrl';
import type { TransportContext } from './context';
import { cancelSignalOf, nodeParameter } from './context';
import { openCredential } from './credential';
import { createExchange } from './exchange';
import type { ListOptions } from './paging';
import { readPages } from './paging';
import { defaultRetryPolicy } from './retry';
import type { HttpResponse, RequestSpec, TransportConfig } from './types';
import { throwIfStopped } from './wait';

export type { ListOptions } from './paging';
export type { TransportContext } from './context';

export interface Transport {
	request(itemIndex: number, spec: RequestSpec): Promise<HttpResponse>;
	requestAll(itemIndex: number, spec: RequestSpec, options: ListOptions): Promise<IDataObject[]>;
}

/**
 * The request kernel one node run shares across its items: authentication through the
 * credential, redirects kept on the credential's origin, retries within a time budget,
 * rate-limit pacing, error mapping, pagination, and an end when the execution is stopped.
 * Usable from execute(), poll() and listSearch/loadOptions methods alike.
 */
export function createTransport(ctx: TransportContext, config: TransportConfig): Transport {
	const node = ctx.getNode();
	const signal = cancelSignalOf(ctx);
	const session = openCredential(ctx, config);
	const exchange = createExchange(ctx, config, session, signal);
	const policy = { ...defaultRetryPolicy, ...config.retry };
	const settings = { node, config, policy, session, exchange, signal };

	// The node's Request Options (shared `requestOptions` description) may set it per item; read
	// once per item, not once per page.
	const budgets = new Map<number, number>();
	const budgetOf = (itemIndex: number) => {
		let budget = budgets.get(itemIndex);
		if (budget === undefined) {
			const raw = nodeParameter(ctx, 'requestOptions.timeout', itemIndex, config.timeoutMs);
			budget = checkWholeNumber(ctx, itemIndex, raw, 'Timeout', 1);
			budgets.set(itemIndex, budget);
		}
		return budget;
	};

	async function request(itemIndex: number, spec: RequestSpec): Promise<HttpResponse> {
		const budgetMs = budgetOf(itemIndex);
		throwIfStopped(signal, node, itemIndex);
		const { root, headers } = await session.setup();
		const options: IHttpRequestOptions = {
			method: spec.method,
			url: resolveTarget(ctx, itemIndex, root, spec, config.pathSuffix),
			qs: spec.qs,
			body: spec.body,
			headers: { ...headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		const idempotent = spec.idempotent ?? spec.method !== 'POST';
		return await sendWithRetries(settings, { itemIndex, root, options, idempotent, budgetMs });
	}

	return {
		request,
		requestAll: async (itemIndex, spec, list) =>
			await readPages(async (page) => await request(itemIndex, page), spec, list),
	};
}

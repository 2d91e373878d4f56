import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { checkWholeNumber } from '../validate';
import { parseBaseUrl, resolveTarget } from './baseUrl';
import {
	connectionFailure,
	httpError,
	networkError,
	requestFailure,
	withPageContext,
} from './errors';
import { isRepeatedPage } from './pagination';
import { defaultRetryPolicy, retryDelayMs } from './retry';
import type {
	HttpResponse,
	PaginationStrategy,
	RequestSpec,
	RetryPolicy,
	TransportConfig,
} from './types';

export interface ListOptions {
	strategy: PaginationStrategy;
	maxPageSize: number;
	/** The records of one page body, in API order. */
	items: (body: unknown) => IDataObject[];
	/** Stop after this many records; undefined walks every page. */
	limit?: number;
	/** Stop at the first record this accepts (it is the last one returned). */
	until?: (record: IDataObject) => boolean;
}

export interface Transport {
	request(itemIndex: number, spec: RequestSpec): Promise<HttpResponse>;
	requestAll(itemIndex: number, spec: RequestSpec, options: ListOptions): Promise<IDataObject[]>;
}

/**
 * When each credential may send again (epoch ms). Vendors count requests per key, not per node
 * run, so a pause one node earned must hold for the next node using the same credential.
 */
const pausedUntil = new Map<string, number>();

function pauseCredential(key: string, until: number) {
	if (pausedUntil.size > 1000) {
		for (const [other, time] of pausedUntil) if (time < Date.now()) pausedUntil.delete(other);
	}
	pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, until));
}

/**
 * The request kernel one node execution shares across its items: authentication through the
 * credential, retries, rate-limit pacing, error mapping and pagination.
 */
export function createTransport(ctx: IExecuteFunctions, config: TransportConfig): Transport {
	const policy: RetryPolicy = { ...defaultRetryPolicy, ...config.retry };
	const chosen =
		config.credentials.length === 1
			? config.credentials[0].authentication
			: (ctx.getNodeParameter('authentication', 0) as string);
	const credential =
		config.credentials.find((entry) => entry.authentication === chosen) ?? config.credentials[0];
	let setup: Promise<{ root: URL; headers: Record<string, string> }> | undefined;
	const paceKey = `${credential.type}:${ctx.getNode().credentials?.[credential.type]?.id ?? ''}`;
	let renewedToken = false;

	// Read on the first request, so a missing credential fails that item rather than the node.
	const fromCredential = async () =>
		await (setup ??= ctx.getCredentials(credential.type).then((data) => ({
			root: parseBaseUrl(ctx, config.baseUrl(data)),
			headers: typeof config.headers === 'function' ? config.headers(data) : { ...config.headers },
		})));

	async function send(options: IHttpRequestOptions): Promise<HttpResponse> {
		const wait = (pausedUntil.get(paceKey) ?? 0) - Date.now();
		if (wait > 0) await sleep(wait);
		const raw = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			credential.type,
			options,
		)) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(raw.headers ?? {})) {
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
		const response = { statusCode: raw.statusCode, headers, body: raw.body };
		const pause = config.pacer?.(response) ?? 0;
		if (pause > 0) pauseCredential(paceKey, Date.now() + pause);
		return response;
	}

	// The node's Request Options (shared `requestOptions` description) may set it per item; read
	// once per item, not once per page.
	const timeouts = new Map<number, number>();
	const timeoutOf = (itemIndex: number) => {
		let timeout = timeouts.get(itemIndex);
		if (timeout === undefined) {
			timeout = checkWholeNumber(
				ctx,
				itemIndex,
				ctx.getNodeParameter('requestOptions.timeout', itemIndex, config.timeoutMs),
				'Timeout',
				1,
			);
			timeouts.set(itemIndex, timeout);
		}
		return timeout;
	};

	async function request(itemIndex: number, spec: RequestSpec): Promise<HttpResponse> {
		const timeout = timeoutOf(itemIndex);
		const { root, headers } = await fromCredential();
		const options: IHttpRequestOptions = {
			method: spec.method,
			url: resolveTarget(ctx, itemIndex, root, spec, config.pathSuffix),
			qs: spec.qs,
			body: spec.body,
			headers: { ...headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout,
		};
		const idempotent = spec.idempotent ?? spec.method !== 'POST';
		let waitedMs = 0;
		for (let attempt = 1; ; attempt++) {
			let response: HttpResponse;
			try {
				response = await send(options);
			} catch (error) {
				const code = connectionFailure(error);
				// Anything else (e.g. a refused OAuth2 token request) is not helped by trying again.
				if (!code) throw requestFailure(ctx.getNode(), error, itemIndex);
				const failure = { attempt, headers: {}, idempotent, waitedMs };
				const delay = retryDelayMs(failure, policy, Date.now(), Math.random);
				if (delay === undefined)
					throw networkError(ctx.getNode(), { code, timeout }, itemIndex, attempt);
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
			const { statusCode } = response;
			if (statusCode < 400) return response;
			// n8n renews an OAuth2 token only when a request throws, and this kernel reads error
			// statuses instead: renew once per execution, so an expired token is not fatal.
			if (statusCode === 401 && credential.oAuth2 && !renewedToken) {
				renewedToken = true;
				try {
					await ctx.helpers.refreshOAuth2Token.call(ctx, credential.type);
				} catch (error) {
					throw requestFailure(ctx.getNode(), error, itemIndex);
				}
				attempt--;
				continue;
			}
			const failure = { attempt, statusCode, headers: response.headers, idempotent, waitedMs };
			const delay = retryDelayMs(failure, policy, Date.now(), Math.random);
			if (delay === undefined) throw httpError(ctx.getNode(), config, response, itemIndex, attempt);
			waitedMs += delay;
			await sleep(delay);
		}
	}

	async function requestAll(itemIndex: number, spec: RequestSpec, list: ListOptions) {
		const pageSize = Math.min(list.limit ?? list.maxPageSize, list.maxPageSize);
		const records: IDataObject[] = [];
		// A record inserted before the read position pushes another across a page boundary, so
		// the next page would repeat it: each ID is output once.
		const seen = new Set<unknown>();
		let previous: IDataObject[] | undefined;
		let next: RequestSpec | undefined = {
			...spec,
			idempotent: true,
			qs: { ...spec.qs, ...list.strategy.first(pageSize) },
		};
		for (let page = 1; next; page++) {
			let response: HttpResponse;
			try {
				response = await request(itemIndex, next);
			} catch (error) {
				throw withPageContext(error as Error, page, records.length);
			}
			const items = list.items(response.body);
			// An API that ignores the page parameter answers the same page forever.
			if (isRepeatedPage(previous, items)) break;
			for (const item of items) {
				if (item.id !== undefined && item.id !== null) {
					if (seen.has(item.id)) continue;
					seen.add(item.id);
				}
				records.push(item);
				if (list.limit !== undefined && records.length >= list.limit) return records;
				if (list.until?.(item)) return records;
			}
			previous = items;
			next = list.strategy.next({ request: next, response, items, pageSize });
		}
		return records;
	}

	return { request, requestAll };
}

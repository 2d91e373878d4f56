import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { httpError, networkError } from './errors';
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
}

export interface Transport {
	request(itemIndex: number, spec: RequestSpec): Promise<HttpResponse>;
	requestAll(itemIndex: number, spec: RequestSpec, options: ListOptions): Promise<IDataObject[]>;
}

const isLoopback = (host: string) =>
	host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/** Parses and checks the credential's base URL: HTTPS, or plain HTTP only on this machine. */
function parseBaseUrl(ctx: IExecuteFunctions, raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw.trim().replace(/\/+$/, ''));
	} catch {
		throw new NodeOperationError(ctx.getNode(), `The base URL "${raw}" is not a valid URL`, {
			description: 'Set the base URL in the credential, e.g. https://api.example.com/api/v1',
		});
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		throw new NodeOperationError(ctx.getNode(), `The base URL "${url.origin}" must use https://`, {
			description:
				'Plain http:// is accepted only for loopback hosts (localhost, 127.0.0.1, [::1]).',
		});
	}
	return url;
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
	const credentialType = (
		config.credentials.find((c) => c.authentication === chosen) ?? config.credentials[0]
	).type;
	let base: Promise<URL> | undefined;
	let notBefore = 0;

	const baseUrl = () =>
		(base ??= ctx
			.getCredentials(credentialType)
			.then((credentials) => parseBaseUrl(ctx, config.baseUrl(credentials))));

	async function resolveUrl(itemIndex: number, spec: RequestSpec): Promise<string> {
		const root = await baseUrl();
		if (spec.url === undefined)
			return `${root.href.replace(/\/$/, '')}${spec.path ?? ''}${config.pathSuffix ?? ''}`;
		const target = new URL(spec.url, root.origin);
		if (target.origin !== root.origin) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The service sent a next-page link to another host (${target.origin})`,
				{
					itemIndex,
					description: `Links are followed only on the credential's host (${root.origin}), so the credentials are never sent elsewhere.`,
				},
			);
		}
		return target.href;
	}

	async function send(options: IHttpRequestOptions): Promise<HttpResponse> {
		const wait = notBefore - Date.now();
		if (wait > 0) await sleep(wait);
		const raw = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			credentialType,
			options,
		)) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(raw.headers ?? {})) {
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
		const response = { statusCode: raw.statusCode, headers, body: raw.body };
		const pause = config.pacer?.(response) ?? 0;
		if (pause > 0) notBefore = Math.max(notBefore, Date.now() + pause);
		return response;
	}

	async function request(itemIndex: number, spec: RequestSpec): Promise<HttpResponse> {
		const options: IHttpRequestOptions = {
			method: spec.method,
			url: await resolveUrl(itemIndex, spec),
			qs: spec.qs,
			body: spec.body,
			headers: { ...config.headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: config.timeoutMs ?? 60_000,
		};
		const idempotent = spec.idempotent ?? spec.method !== 'POST';
		let waitedMs = 0;
		for (let attempt = 1; ; attempt++) {
			let response: HttpResponse | undefined;
			try {
				response = await send(options);
			} catch (error) {
				const delay = retryDelayMs(
					{ attempt, headers: {}, idempotent, waitedMs },
					policy,
					Date.now(),
					Math.random,
				);
				if (delay === undefined)
					throw networkError(ctx.getNode(), error as Error, itemIndex, attempt);
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
			if (response.statusCode < 400) return response;
			const { statusCode, headers } = response;
			const delay = retryDelayMs(
				{ attempt, statusCode, headers, idempotent, waitedMs },
				policy,
				Date.now(),
				Math.random,
			);
			if (delay === undefined) throw httpError(ctx.getNode(), config, response, itemIndex, attempt);
			waitedMs += delay;
			await sleep(delay);
		}
	}

	async function requestAll(itemIndex: number, spec: RequestSpec, list: ListOptions) {
		const pageSize = Math.min(list.limit ?? list.maxPageSize, list.maxPageSize);
		const records: IDataObject[] = [];
		let previous: IDataObject[] | undefined;
		let next: RequestSpec | undefined = {
			...spec,
			idempotent: true,
			qs: { ...spec.qs, ...list.strategy.first(pageSize) },
		};
		while (next) {
			const response = await request(itemIndex, next);
			const items = list.items(response.body);
			if (isRepeatedPage(previous, items)) break;
			for (const item of items) {
				records.push(item);
				if (list.limit !== undefined && records.length >= list.limit) return records;
			}
			previous = items;
			next = list.strategy.next({ request: next, response, items, pageSize });
		}
		return records;
	}

	return { request, requestAll };
}

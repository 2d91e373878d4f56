import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Vendors that sign nothing can still be made to prove they got the URL from us: the URL they
 * are given carries a random token, and a call without it is refused before any workflow runs.
 * n8n's own path part is already a random UUID (the node's webhookId); the token survives even a
 * path that leaked through logs of n8n itself.
 */
const tokenParam = 'token';

export const newToken = () => randomBytes(24).toString('hex');

const isLoopback = (host: string) =>
	host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/** The URL to register: n8n's webhook URL with the token, after checking the vendor can call it. */
export function registeredUrl(ctx: IHookFunctions, token: string, vendor: string): string {
	const base = ctx.getNodeWebhookUrl('default') ?? '';
	let url: URL;
	try {
		url = new URL(base);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `n8n gave no valid webhook URL ("${base}")`);
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${vendor} delivers webhooks only to https:// URLs, and n8n's webhook URL is ${url.origin}`,
			{
				description:
					'Run n8n behind HTTPS and set its N8N_WEBHOOK_URL environment variable (WEBHOOK_URL before n8n 2.41) to the public https:// address.',
			},
		);
	}
	url.searchParams.set(tokenParam, token);
	return url.toString();
}

/** Whether a call carries the token this activation registered (compared in constant time). */
export function hasToken(ctx: IWebhookFunctions, token: unknown): boolean {
	const given = (ctx.getQueryData() as Record<string, unknown>)[tokenParam];
	if (typeof given !== 'string' || typeof token !== 'string' || token === '') return false;
	// Digests have equal lengths, so the comparison reveals neither content nor length.
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(token));
}

import type { IDataObject } from 'n8n-workflow';

import { parseBaseUrl } from './baseUrl';
import type { TransportContext } from './context';
import { nodeParameter } from './context';
import { requestFailure } from './networkErrors';
import type { TransportConfig } from './types';

export interface CredentialSession {
	/** The credential type the node's `authentication` parameter chose. */
	type: string;
	/** Key of the credential's rate-limit pause: its type and saved ID. */
	paceKey: string;
	/** The base URL and the headers the node adds; read on the first request. */
	setup(): Promise<{ root: URL; headers: Record<string, string> }>;
	/** Records that the service accepted the credential (any answer but 401). */
	accepted(): void;
	/** Renews a rejected OAuth2 token when that can help; true when the request may be resent. */
	renew(itemIndex: number): Promise<boolean>;
}

/** The credential one node run uses, shared across its items. */
export function openCredential(ctx: TransportContext, config: TransportConfig): CredentialSession {
	const chosen =
		config.credentials.length === 1
			? config.credentials[0].authentication
			: (nodeParameter(ctx, 'authentication', 0, undefined) as string);
	const credential =
		config.credentials.find((entry) => entry.authentication === chosen) ?? config.credentials[0];
	let setup: Promise<{ root: URL; headers: Record<string, string> }> | undefined;
	let renewedSinceAccepted = false;

	return {
		type: credential.type,
		paceKey: `${credential.type}:${ctx.getNode().credentials?.[credential.type]?.id ?? ''}`,
		// Read on the first request, so a missing credential fails that item rather than the node.
		setup: async () =>
			await (setup ??= ctx.getCredentials(credential.type).then((data) => ({
				root: parseBaseUrl(ctx, config.baseUrl(data)),
				headers:
					typeof config.headers === 'function' ? config.headers(data) : { ...config.headers },
			}))),
		accepted() {
			renewedSinceAccepted = false;
		},
		// n8n renews an OAuth2 token only when a request throws, and this kernel reads error statuses
		// instead. A token is renewed whenever it is rejected after having worked (tokens that live
		// an hour expire again in a long run), never twice in a row (a renewed token that is rejected
		// at once is not expired but refused), and only when there is a way to renew it: a refresh
		// token or a client-credentials grant. Tokens that never expire come without either.
		async renew(itemIndex) {
			if (!credential.oAuth2 || renewedSinceAccepted) return false;
			const data = await ctx.getCredentials(credential.type);
			const token = (data.oauthTokenData ?? {}) as IDataObject;
			if (data.grantType !== 'clientCredentials' && !token.refresh_token) return false;
			renewedSinceAccepted = true;
			try {
				await ctx.helpers.refreshOAuth2Token.call(ctx, credential.type);
			} catch (error) {
				throw requestFailure(ctx.getNode(), error, itemIndex);
			}
			return true;
		},
	};
}

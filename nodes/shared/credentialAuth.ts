import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { allowsCredentials, baseUrlErrors } from './originRule';

/** What a credential adds to a request: headers and/or HTTP Basic auth. */
type Added = Pick<IHttpRequestOptions, 'headers' | 'auth'>;

const isAbsolute = (url: string) => /^[a-z][a-z\d+.-]*:\/\//i.test(url);

/**
 * Refuses to add secrets to a request bound for plain http:// off this machine, or for no valid
 * URL at all. The nodes check their base URL before any request; the credential's "Test" is run
 * by n8n from `test.request` alone, and this is the one step it passes through before sending.
 */
function checkTarget(options: IHttpRequestOptions) {
	const url = String(options.url ?? '');
	const raw = isAbsolute(url) ? url : String(options.baseURL ?? '');
	if (!URL.canParse(raw)) {
		const { message, description } = baseUrlErrors.invalid(raw);
		throw new UserError(message, { description });
	}
	const target = new URL(raw);
	if (!allowsCredentials(target)) {
		const { message, description } = baseUrlErrors.insecure(target);
		throw new UserError(message, { description });
	}
}

/**
 * A credential's `authenticate` as a function rather than a generic block: n8n evaluates a
 * generic block's expressions on every request, a measurable share of a long Return All
 * (bench/results/latest.md).
 */
export function authenticateWith(added: (credentials: ICredentialDataDecryptedObject) => Added) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		checkTarget(requestOptions);
		const { headers, auth } = added(credentials);
		return {
			...requestOptions,
			...(auth ? { auth } : {}),
			headers: { ...requestOptions.headers, ...headers },
		};
	};
}

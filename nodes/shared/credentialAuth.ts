import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/** What a credential adds to each request: headers and/or HTTP Basic auth. */
type Added = Pick<IHttpRequestOptions, 'headers' | 'auth'>;

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
		const { headers, auth } = added(credentials);
		return {
			...requestOptions,
			...(auth ? { auth } : {}),
			headers: { ...requestOptions.headers, ...headers },
		};
	};
}

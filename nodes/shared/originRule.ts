/** Hosts on this machine: the only ones plain http:// may reach (a local sandbox or proxy). */
export const isLoopback = (host: string) =>
	host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/** Whether credentials may travel to this URL: https://, or plain http:// on loopback only. */
export const allowsCredentials = (url: URL) =>
	url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));

export const baseUrlErrors = {
	invalid: (raw: string) => ({
		message: `The base URL "${raw}" is not a valid URL`,
		description: 'Set the base URL in the credential, e.g. https://api.example.com/api/v1',
	}),
	insecure: (url: URL) => ({
		message: `The base URL "${url.origin}" must use https://`,
		description: 'Plain http:// is accepted only for loopback hosts (localhost, 127.0.0.1, [::1]).',
	}),
};

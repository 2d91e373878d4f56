import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

/** A response as the kernel sees it: status, lower-cased headers, parsed body. */
export interface HttpResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

/** One request, relative to the credential's base URL unless `url` is absolute. */
export interface RequestSpec {
	method: IHttpRequestMethods;
	path?: string;
	/** Absolute URL given by the server (next-page links); must stay on the credential's origin. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Whether repeating the request after a network failure cannot cause a second effect. */
	idempotent?: boolean;
	/** True once nobody will read the answer (a list that already ended): no further attempt. */
	abandoned?: () => boolean;
}

/** What the vendor said went wrong, ready for the user. */
export interface VendorErrorText {
	message?: string;
	details?: string[];
}

/** A page the kernel received, handed to the pagination strategy to decide what comes next. */
export interface ReceivedPage {
	request: RequestSpec;
	response: HttpResponse;
	items: IDataObject[];
	pageSize: number;
}

export interface PaginationStrategy {
	/** Query parameters of the first page. */
	first(pageSize: number): IDataObject;
	/** The next request, or undefined when the API signalled the end. */
	next(page: ReceivedPage): RequestSpec | undefined;
	/**
	 * Every request after the first page, when the first page says how many pages there are:
	 * those can be fetched at once. Undefined when the API does not say (then page by page).
	 */
	rest?(first: ReceivedPage, pages: number): RequestSpec[] | undefined;
}

/** How long to wait before the next request, given the last response's headers (rate-limit pacing). */
export type Pacer = (response: HttpResponse) => number;

export interface RetryPolicy {
	maxAttempts: number;
	/** Upper bound on the sum of all waits for one request. */
	maxTotalWaitMs: number;
	/**
	 * Upper bound on the time one request spends waiting out refusals (429). A refusal is not a
	 * failed attempt: under a shared key it is the normal state, so it is budgeted by time.
	 */
	maxRateLimitWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
	retryStatuses: number[];
}

/** Everything that makes one vendor different, as data and small functions. */
export interface TransportConfig {
	/**
	 * The credential type for each value of the node's `authentication` parameter; `oAuth2` marks
	 * types that extend n8n's OAuth2 credential, whose token the kernel renews once on a 401.
	 */
	credentials: Array<{ authentication: string; type: string; oAuth2?: boolean }>;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Appended to every path (for APIs that need a format suffix). */
	pathSuffix?: string;
	/** Static headers, or headers that depend on the credential (e.g. an account ID). */
	headers?:
		| Record<string, string>
		| ((credentials: ICredentialDataDecryptedObject) => Record<string, string>);
	errorText(body: unknown): VendorErrorText;
	/** Per-status advice on how to fix the failure, shown as the error description. */
	hints: Partial<Record<number, string>>;
	pacer?: Pacer;
	retry?: Partial<RetryPolicy>;
	/** Default milliseconds to wait for each answer; the node's Request Options can change it. */
	timeoutMs: number;
}

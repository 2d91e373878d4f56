// Types of the sandbox's programmatic API for TypeScript tests; the implementation is server.js.

export type VendorName = 'kantata' | 'rm' | 'xurrent' | 'paymo';

export interface FaultOptions {
	rate429?: number;
	rate429NoRetryAfter?: number;
	rate5xx?: number;
	status5xx?: number | number[];
	drop?: number;
	/** Fraction of requests carried out whose answer stops halfway (socket destroyed). */
	cutOff?: number;
	retryAfterSeconds?: number;
	vendors?: VendorName[];
}

export type FaultType = '429' | '429-no-retry-after' | '5xx' | 'drop' | 'cut-off' | 'redirect';

export interface RequestLogEntry {
	seq: number;
	at: string;
	vendor: VendorName | null;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	auth: { present: boolean; valid: boolean };
	body: unknown;
	/** HTTP status, null when the connection was dropped. */
	status: number | null;
	fault: FaultType | 'rate-limit' | null;
	durationMs: number;
}

export interface SandboxOptions {
	port?: number;
	seed?: number | string;
	size?: number | Partial<Record<VendorName, number>>;
	faults?: FaultOptions;
	latencyMs?: number | [number, number];
	rateLimit?: false | Partial<Record<VendorName, false | { limit: number; windowSeconds: number }>>;
	maxLog?: number;
	onRequest?: (entry: RequestLogEntry) => void;
}

export interface SandboxVendors {
	kantata: { baseUrl: string; accessToken: string };
	rm: { baseUrl: string; apiToken: string };
	xurrent: {
		baseUrl: string;
		accessToken: string;
		accountId: string;
		tokenUrl: string;
		clientId: string;
		clientSecret: string;
	};
	paymo: { baseUrl: string; apiKey: string };
}

export interface Sandbox {
	url: string;
	port: number;
	vendors: SandboxVendors;
	requests: RequestLogEntry[];
	/** Each vendor's live data (shape per vendor: see vendors/<name>/seed.js). */
	state: Record<VendorName, Record<string, unknown>>;
	clearRequests(): void;
	reset(): void;
	setFaults(options?: FaultOptions): void;
	injectFaults(
		faults: Array<{
			type: FaultType;
			vendor?: VendorName;
			status?: number;
			retryAfterSeconds?: number;
			/** Redirect target origin (absolute Location); relative Location when absent. */
			to?: string;
		}>,
	): void;
	setLatency(ms: number | [number, number]): void;
	/** One authorised request against a vendor's data, without HTTP (path below the vendor's mount). */
	direct(
		vendor: VendorName,
		request: { method: string; path: string; query?: Record<string, string>; body?: unknown },
	): { status: number; headers?: Record<string, string>; body?: unknown };
	close(): Promise<void>;
}

export function createSandbox(options?: SandboxOptions): Promise<Sandbox>;

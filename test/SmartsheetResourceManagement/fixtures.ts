import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import type { RunOptions } from '../harness/run';
import { runNode } from '../harness/run';

export const token = 'dummy-rm-token-5d2c9a';
export const origin = 'https://api.rm.smartsheet.com';
export const credentials = { smartsheetResourceManagementApi: { apiToken: token } };

interface SeenRequest {
	url: string;
	authorization: string | null;
}

/** Every request the mocks received in the current test, to check no URL carries the token. */
export const seen: SeenRequest[] = [];

afterEach(() => {
	for (const request of seen.splice(0)) {
		expect(request.url).not.toContain(token);
		expect(new URL(request.url).searchParams.has('auth')).toBe(false);
		expect(request.authorization).toBeNull();
	}
});

/** The API as the node reaches it: the token in the `auth` header on every request, nothing else. */
export function api(host = origin) {
	const scope = nock(host, { reqheaders: { auth: token, accept: 'application/json' } });
	scope.on('request', (request: Request) =>
		seen.push({ url: request.url, authorization: request.headers.get('authorization') }),
	);
	return scope;
}

/** An assignment as the API records it (2017 recording, tenk cassettes). */
export const assignment = (id: number, extra: IDataObject = {}): IDataObject => ({
	id,
	allocation_mode: 'percent',
	percent: 1.0,
	user_id: 30256,
	assignable_id: 183760,
	ends_at: '2017-01-31',
	starts_at: '2017-01-01',
	bill_rate: 666.0,
	bill_rate_id: 319904,
	repetition_id: null,
	created_at: '2017-01-27T23:18:13Z',
	updated_at: '2017-01-27T23:18:13Z',
	all_day_assignment: true,
	resource_request_id: null,
	status: null,
	...extra,
});

export const records = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => assignment(from + index));

/** A collection page: `data` plus `paging`, `next` a relative link or null. */
export const page = (
	data: IDataObject[],
	paging: { next?: string | null; page?: number; perPage?: number; self?: string } = {},
): IDataObject => ({
	paging: {
		per_page: paging.perPage ?? 1000,
		page: paging.page ?? 1,
		previous: null,
		self: paging.self ?? '/api/v1/assignments?per_page=1000&page=1',
		next: paging.next ?? null,
	},
	data,
});

export const run = async (
	parameters: Record<string, NodeParameterValueType>,
	options: Partial<RunOptions> = {},
) =>
	await runNode({
		node: 'smartsheetResourceManagement',
		credentials,
		...options,
		parameters: { resource: 'assignment', ...parameters },
	});

export const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

/** The input item index each output item is paired to. */
export const pairing = (items: Array<{ pairedItem?: unknown }>) =>
	items.map((item) => (item.pairedItem as { item: number } | undefined)?.item);

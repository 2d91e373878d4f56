import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';

/**
 * Issue 14 item 7 against the sandbox answering with next links as recorded from the real API
 * (scope and page only): a filtered Return All over three pages gets exactly the records the
 * filter selects, and every page request repeats the node's whole query.
 */
const env = useSandbox({ size: { rm: 6000 }, quirks: { rm: { strippedNextLinks: true } } });

const from = '2024-03-01';
const to = '2025-06-30';

describe('Smartsheet RM › paging against the sandbox’s stripped next links', () => {
	it('a filtered Return All keeps per_page, from and to on pages 2+ and returns exactly the matches', async () => {
		const { sandbox } = env;
		const assignments = sandbox.state.rm.assignments as Map<number, IDataObject>;
		const expected = [...assignments.values()]
			.filter((a) => String(a.ends_at) >= from && String(a.starts_at) <= to)
			.map((a) => a.id);
		expect(expected.length).toBeGreaterThan(2000);
		sandbox.clearRequests();
		const result = await runNode({
			node: 'smartsheetResourceManagement',
			credentials: env.credentials('smartsheetResourceManagementApi'),
			parameters: {
				resource: 'assignment',
				operation: 'getAll',
				scope: 'all',
				returnAll: true,
				filters: { from, to },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(expected);
		const pages = sandbox.requests.map((request) => request.query);
		expect(pages).toEqual(
			Array.from({ length: Math.ceil(expected.length / 1000) }, (_, index) => ({
				from,
				to,
				per_page: '1000',
				...(index > 0 ? { page: String(index + 1) } : {}),
			})),
		);
		// The links the node read were the stripped ones.
		expect(sandbox.requests).toHaveLength(pages.length);
	});
});

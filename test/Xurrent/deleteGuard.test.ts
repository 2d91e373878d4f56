import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { assignmentPath } from '../../nodes/Xurrent/actions/assignment/fields';
import { runNode } from '../harness/run';

/**
 * `DELETE /project_tasks/:id/assignments/` removes every assignment of the task, so the Delete
 * operation must never send a request unless the assignment ID is a plain positive number.
 * Nothing is mocked here: with the network off, any request the node tries is recorded.
 */
const credentials = { xurrentApi: { accessToken: 'dummy-xurrent-pat-5d3a', accountId: 'widget' } };

const run = (assignmentId: NodeParameterValueType, items?: IDataObject[], continueOnFail = false) =>
	runNode({
		node: 'xurrent',
		parameters: {
			resource: 'assignment',
			operation: 'delete',
			taskId: { __rl: true, mode: 'id', value: '5' },
			assignmentId,
		},
		credentials,
		items,
		continueOnFail,
	});

let requests: string[];
beforeEach(() => {
	requests = [];
	nock.emitter.on('no match', (request: { method?: string; url?: string }) =>
		requests.push(`${request.method} ${request.url}`),
	);
});
afterEach(() => nock.emitter.removeAllListeners('no match'));

const hostile = ['', ' ', '   ', '\t', '\n', '/', '//', '..', '../', './', '%2F', '%2f', '?', '#'];
const malformed = [
	'75/',
	'/75',
	'75/..',
	'75?',
	'75#',
	'75%2F',
	'0',
	'-1',
	'7 5',
	'1e3',
	'0x4B',
	'75.0',
];

describe('Xurrent › Delete never becomes Delete All', () => {
	it('control: a valid ID is tried against the single-assignment URL (the recorder works)', async () => {
		await run('75');
		expect(requests[0]).toBe('DELETE https://api.xurrent.com/v1/project_tasks/5/assignments/75');
	});

	it.each([...hostile, ...malformed])(
		'typed Assignment ID %j: refused, no request',
		async (assignmentId) => {
			const result = await run(assignmentId);
			expect(result.items).toEqual([]);
			expect(result.error).toBeDefined();
			expect(requests).toEqual([]);
		},
	);

	it.each([...hostile, ...malformed])(
		'Assignment ID %j from an expression: refused with the parameter and item named, no request',
		async (value) => {
			const result = await run('={{ $json.assignmentId }}', [{ assignmentId: value }]);
			expect(result.error?.message).toMatch(
				/^Assignment ID (is empty|must be a positive whole number.*) \[item 0\]$/,
			);
			expect(requests).toEqual([]);
		},
	);

	it.each([
		['a missing field', '={{ $json.missing }}'],
		['null', '={{ null }}'],
		['an empty string', '={{ "" }}'],
		['spaces', '={{ "  " }}'],
		['a slash', '={{ "/" }}'],
		['an empty array', '={{ [] }}'],
		['an object', '={{ {} }}'],
	])('an expression resolving to %s: refused, no request', async (_, expression) => {
		const result = await run(expression);
		expect(result.error?.message).toMatch(/^Assignment ID .* \[item 0\]$/);
		expect(requests).toEqual([]);
	});

	it('with continue on fail, every bad item gets its own error and none is sent', async () => {
		const values = ['', ' ', '/', '%2F', null, '..', '?', '#'];
		const result = await run(
			'={{ $json.assignmentId }}',
			values.map((assignmentId) => ({ assignmentId })),
			true,
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			values.map((_, item) => ({ item })),
		);
		expect(result.items.every((item) => /Assignment ID/.test(String(item.json.error)))).toBe(true);
		expect(requests).toEqual([]);
	});

	it('the path builder itself refuses anything but positive numbers', () => {
		expect(assignmentPath('5', '75')).toBe('/project_tasks/5/assignments/75');
		for (const id of [...hostile, ...malformed]) {
			expect(() => assignmentPath('5', id)).toThrow(/Refusing to build an assignment path/);
		}
	});
});

import { runNode } from '../harness/run';

/**
 * Errors an agent (or an expression) can act on: a value outside the allowed set is answered
 * with the values that are allowed, as they must be written, and no request is sent.
 */
describe('AI tools › errors name the values to use', () => {
	it('Smartsheet RM: an unknown Allocation Mode lists the modes by their values', async () => {
		const result = await runNode({
			node: 'smartsheetResourceManagement',
			parameters: {
				resource: 'assignment',
				operation: 'create',
				userId: { __rl: true, mode: 'id', value: '30256' },
				assignableId: { __rl: true, mode: 'id', value: '183760' },
				startsAt: '2026-01-01',
				endsAt: '2026-01-31',
				allocationMode: '={{ "weekly" }}',
			},
			credentials: { smartsheetResourceManagementApi: { apiToken: 'dummy-rm-errors' } },
		});
		expect(result.error?.message).toBe('Allocation Mode "weekly" is not supported [item 0]');
		expect(result.error?.description).toBe(
			'Set Allocation Mode to percent (Percent of Capacity), hoursPerDay (Hours Per Day) or fixed (Fixed Hours).',
		);
	});

	it('an unknown operation (e.g. from a hand-written workflow) lists the node’s operations', async () => {
		const result = await runNode({
			node: 'paymo',
			parameters: { resource: 'assignment', operation: 'deleteAll' },
			credentials: { paymoApi: { apiKey: 'key-errors' } },
		});
		expect(result.error?.message).toBe(
			'The operation "deleteAll" is not supported for resource "assignment" [item 0]',
		);
		expect(result.error?.description).toBe(
			'Set Operation to one of: getAll, get, create, update, delete, ensureAssigned, ensureUnassigned.',
		);
	});
});

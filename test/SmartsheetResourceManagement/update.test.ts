import type { IDataObject } from 'n8n-workflow';

import { api, assignment, jsonOf, run } from './fixtures';

const route = '/api/v1/assignments/186882';

describe('Smartsheet RM › Update', () => {
	it.each<[string, IDataObject, Record<string, string | number>]>([
		[
			'percent',
			{ allocationMode: 'percent', percent: 25 },
			{ allocation_mode: 'percent', percent: 0.25 },
		],
		[
			'hours per day',
			{ allocationMode: 'hoursPerDay', hoursPerDay: 6.5 },
			{ allocation_mode: 'hours_per_day', hours_per_day: 6.5 },
		],
		[
			'fixed hours',
			{ allocationMode: 'fixed', fixedHours: 40 },
			{ allocation_mode: 'fixed', fixed_hours: 40 },
		],
	])('switches the allocation to %s, sending only its field', async (_, mode, sent) => {
		api().put(route, sent).reply(200, assignment(186882, sent));
		const result = await run({ operation: 'update', assignmentId: '186882', ...mode });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([assignment(186882, sent)]);
	});

	it('Keep Unchanged sends only the chosen fields, dates as YYYY-MM-DD', async () => {
		const sent = {
			starts_at: '2026-02-02',
			ends_at: '2026-02-27',
			status_option_id: 7,
			description: 'Design',
			note: '',
		};
		api().put(route, sent).reply(200, assignment(186882));
		const result = await run({
			operation: 'update',
			assignmentId: '186882',
			allocationMode: 'unchanged',
			updateFields: {
				startsAt: '2026-02-02T00:00:00',
				endsAt: '2026-02-27',
				statusOptionId: 7,
				description: 'Design',
				note: '',
			},
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([assignment(186882)]);
	});

	it('a lone end date is sent without a start date', async () => {
		api().put(route, { ends_at: '2026-05-01' }).reply(200, assignment(186882));
		const result = await run({
			operation: 'update',
			assignmentId: '186882',
			updateFields: { endsAt: '2026-05-01' },
		});
		expect(result.items).toHaveLength(1);
	});
});

import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { api, assignment, jsonOf, run } from './fixtures';

const userRoute = '/api/v1/users/30256/assignments';
const base = {
	operation: 'create',
	userId: { __rl: true, mode: 'id', value: '30256' },
	assignableId: { __rl: true, mode: 'id', value: '183760' },
	startsAt: '2017-01-01T00:00:00',
	endsAt: '2017-01-31',
};
const dates = { assignable_id: 183760, starts_at: '2017-01-01', ends_at: '2017-01-31' };

describe('Smartsheet RM › Create', () => {
	it.each<[string, IDataObject, IDataObject]>([
		[
			'percent (50 % sent as 0.5)',
			{ allocationMode: 'percent', percent: 50 },
			{ allocation_mode: 'percent', percent: 0.5 },
		],
		[
			'percent with a decimal (33.3 % sent as 0.333)',
			{ allocationMode: 'percent', percent: '33.3' },
			{ allocation_mode: 'percent', percent: 0.333 },
		],
		[
			'hours per day',
			{ allocationMode: 'hoursPerDay', hoursPerDay: 4 },
			{ allocation_mode: 'hours_per_day', hours_per_day: 4 },
		],
		[
			'fixed hours',
			{ allocationMode: 'fixed', fixedHours: 37.5 },
			{ allocation_mode: 'fixed', fixed_hours: 37.5 },
		],
	])('%s: POST /users/{user}/assignments with only that mode’s field', async (_, mode, sent) => {
		const created = assignment(186882, sent);
		api()
			.post(userRoute, { ...dates, ...sent })
			.reply(200, created);
		const result = await run({ ...base, ...mode });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([created]);
	});

	it('sends status option, description and note when set, and leaves out empty ones', async () => {
		const sent = {
			...dates,
			allocation_mode: 'percent',
			percent: 1,
			status_option_id: 3,
			description: 'Build wireframes',
		};
		api().post(userRoute, sent).reply(200, assignment(1));
		const result = await run({
			...base,
			allocationMode: 'percent',
			percent: 100,
			additionalFields: { statusOptionId: '3', description: 'Build wireframes', note: '' },
		});
		expect(jsonOf(result.items)).toEqual([assignment(1)]);
	});

	it('with subtasks: POST /assignments with user_id, and unwraps the documented data envelope', async () => {
		const created = assignment(12345, {
			subtasks: {
				paging: { self: '/api/v1/assignments/12345/subtasks', next: null, page: 1, per_page: 20 },
				data: [{ id: 436, assignment_id: 12345, description: 'New Task', completed: false }],
			},
		});
		api()
			.post('/api/v1/assignments', {
				user_id: 30256,
				...dates,
				allocation_mode: 'hours_per_day',
				hours_per_day: 8,
				subtasks: [
					{ description: 'New Task', completed: false },
					{ description: 'Review', completed: true },
				],
			})
			.reply(200, { data: [created] });
		const result = await run({
			...base,
			allocationMode: 'hoursPerDay',
			hoursPerDay: 8,
			additionalFields: {
				subtasks: {
					subtask: [{ description: 'New Task' }, { description: ' Review ', completed: true }],
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items)).toEqual([created]);
	});

	it('dates from expressions (Luxon DateTime) are sent as the day they name', async () => {
		api()
			.post(userRoute, {
				...dates,
				starts_at: '2026-03-02',
				ends_at: '2026-03-06',
				allocation_mode: 'percent',
				percent: 1,
			})
			.reply(200, assignment(1));
		const result = await run({
			...base,
			startsAt: '={{ DateTime.fromISO("2026-03-02T23:30:00-05:00", { setZone: true }) }}',
			endsAt: '={{ DateTime.fromISO("2026-03-02", { zone: "utc" }).plus({ days: 4 }) }}',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
	});

	it('a POST is not repeated after a 503 (it may have been created)', async () => {
		jest.mocked(sleep).mockClear();
		api().post(userRoute).reply(503, { message: 'unavailable' });
		const result = await run({ ...base, allocationMode: 'percent', percent: 100 });
		expect(result.error?.message).toBe('unavailable');
		expect(jest.mocked(sleep)).not.toHaveBeenCalled();
	});
});

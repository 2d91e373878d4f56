import type { IDataObject } from 'n8n-workflow';

import { simplifyAssignment } from '../../nodes/SmartsheetResourceManagement/simplify';

// (a) The vendor's own sample in 10Kft/10kft-api source/includes/_assignments.md ("List all
// assignments"). The vendor writes it with comments and a missing comma, so it is transcribed:
// it shows all three companion fields although only the mode's own is "present".
//   "id":889, "allocation_mode":"percent", "percent":1.0 /* only present when … percent */,
//   "hours_per_day":8 /* … hours_per_day */, "fixed_hours":8 /* … fixed */, "user_id":5612,
//   "assignable_id":123, "ends_at":"2013-10-07", "starts_at":"2013-10-03", "bill_rate":1.0,
//   "bill_rate_id":0, "repetition_id": 886
const documentedSample: IDataObject = {
	id: 889,
	allocation_mode: 'percent',
	percent: 1.0,
	hours_per_day: 8,
	fixed_hours: 8,
	user_id: 5612,
	assignable_id: 123,
	ends_at: '2013-10-07',
	starts_at: '2013-10-03',
	bill_rate: 1.0,
	bill_rate_id: 0,
	repetition_id: 886,
};

// (c) Recorded create answer, POST /users/30256/assignments → 200 (revelrylabs/tenk
// spec/cassettes/create_assignments.yml, 2017).
const recordedCreate: IDataObject = {
	id: 186882,
	allocation_mode: 'percent',
	percent: 1.0,
	user_id: 30256,
	assignable_id: 183760,
	ends_at: '2017-01-31',
	starts_at: '2017-01-01',
	bill_rate: 666.0,
	bill_rate_id: 319904,
	repetition_id: null,
	created_at: '2017-01-31T00:17:48Z',
	updated_at: '2017-01-31T00:17:48Z',
	all_day_assignment: true,
	resource_request_id: null,
	status: null,
};

// (d) The vendor's sample answer of POST /api/v1/assignments with subtasks (_assignments.md),
// its first record: an assignment with no user yet (user_id null), percent as the integer 1.
const documentedSubtasksCreate: IDataObject = {
	id: 12345,
	allocation_mode: 'percent',
	percent: 1,
	user_id: null,
	assignable_id: 123,
	ends_at: '2018-06-27',
	starts_at: '2018-06-21',
	bill_rate: null,
	bill_rate_id: null,
	repetition_id: null,
	created_at: '2018-06-21T23:01:09Z',
	updated_at: '2018-06-21T23:01:09Z',
	all_day_assignment: true,
	resource_request_id: null,
	status: null,
	status_option_id: 1,
	description: 'Build wireframes',
	note: null,
};

describe('Smartsheet RM › simplified assignment', () => {
	test('the vendor sample: percent 1.0 is 100 %, and only the mode’s own field counts', () => {
		expect(simplifyAssignment(documentedSample)).toEqual({
			id: '889',
			vendor: 'smartsheetResourceManagement',
			assigneeId: '5612',
			// user_id may hold a placeholder; the node knows which only from the request.
			assigneeType: null,
			assigneeName: null,
			taskId: null,
			taskName: null,
			projectId: '123',
			startsOn: '2013-10-03',
			endsOn: '2013-10-07',
			effortMinutes: null,
			effortMinutesPerDay: null,
			allocationPercent: 100,
			status: null,
			active: true,
			createdAt: null,
			updatedAt: null,
		});
	});

	test('the recorded create answer', () => {
		expect(simplifyAssignment(recordedCreate)).toMatchObject({
			id: '186882',
			assigneeId: '30256',
			projectId: '183760',
			allocationPercent: 100,
			createdAt: '2017-01-31T00:17:48Z',
			updatedAt: '2017-01-31T00:17:48Z',
		});
	});

	test('the documented create with subtasks: no user yet', () => {
		expect(simplifyAssignment(documentedSubtasksCreate)).toMatchObject({
			id: '12345',
			assigneeId: null,
			projectId: '123',
			allocationPercent: 100,
			status: null,
		});
	});

	// The documented curl examples send percent=0.25, and allocation_mode=hours_per_day with
	// hours_per_day=<hours>; "fixed" with fixed_hours. Same sample, other modes.
	test.each([
		[{ percent: 0.25 }, { allocationPercent: 25 }],
		[{ percent: 0.333 }, { allocationPercent: 33.3 }],
		[
			{ allocation_mode: 'hours_per_day', hours_per_day: 7.5 },
			{ effortMinutesPerDay: 450, allocationPercent: null, effortMinutes: null },
		],
		[
			{ allocation_mode: 'fixed', fixed_hours: 8 },
			{ effortMinutes: 480, allocationPercent: null, effortMinutesPerDay: null },
		],
		[{ allocation_mode: 'fixed_hours', fixed_hours: 1.25 }, { effortMinutes: 75 }],
	])('allocation %j becomes %j', (allocation, expected) => {
		expect(simplifyAssignment({ ...documentedSample, ...allocation })).toMatchObject(expected);
	});
});

import type { IDataObject } from 'n8n-workflow';

import { simplifyAssignment } from '../../nodes/Paymo/simplify';

// paymoapp/api sections/users_tasks.md, "Getting task assignments" (GET /api/userstasks?where=
// user_id=241185; the vendor's example repeats id 15200864, a docs typo kept here).
const documentedList: IDataObject[] = [
	{
		id: 15200864,
		user_id: 241185,
		task_id: 1536,
		created_on: '2017-02-16T14:43:11Z',
		updated_on: '2017-02-16T14:43:11Z',
	},
	{
		id: 15200864,
		user_id: 241185,
		task_id: 1533,
		created_on: '2017-02-16T15:50:14Z',
		updated_on: '2017-02-16T15:50:14Z',
	},
];

// With include=user,task Paymo nests the parent records under "user" and "task" (sections/
// includes.md). They are the documented examples of sections/users.md ("Getting a user",
// trimmed to its first fields) and sections/tasks.md ("Getting tasks", the completed task).
const documentedUser: IDataObject = {
	id: 1,
	name: 'Michael Scott',
	email: 'michael@dundermifflin.com',
	type: 'Admin',
	active: true,
	workday_hours: 10,
	created_on: '2013-08-01T13:09:16Z',
	updated_on: '2015-01-06T19:53:51Z',
};
const documentedTask: IDataObject = {
	id: 3320,
	name: 'Testing',
	project_id: 1,
	tasklist_id: 3,
	user_id: 2,
	complete: true,
	billable: true,
	seq: 2,
	description: '',
	price_per_hour: null,
	due_date: '2014-10-30',
	budget_hours: null,
	users: [],
	created_on: '2014-07-25T11:18:11Z',
	updated_on: '2014-08-23T14:22:05Z',
};

describe('Paymo › simplified assignment', () => {
	test('the documented list: bare IDs, no names, no effort, no dates', () => {
		expect(documentedList.map(simplifyAssignment)).toEqual([
			{
				id: '15200864',
				vendor: 'paymo',
				assigneeId: '241185',
				assigneeType: 'user',
				assigneeName: null,
				taskId: '1536',
				taskName: null,
				projectId: null,
				startsOn: null,
				endsOn: null,
				effortMinutes: null,
				effortMinutesPerDay: null,
				allocationPercent: null,
				status: null,
				active: true,
				createdAt: '2017-02-16T14:43:11Z',
				updatedAt: '2017-02-16T14:43:11Z',
			},
			expect.objectContaining({ taskId: '1533', createdAt: '2017-02-16T15:50:14Z' }),
		]);
	});

	test('with the user and task included: names, the task’s project and its due date', () => {
		const record = {
			id: 15200864,
			user_id: 1,
			task_id: 3320,
			created_on: '2017-02-16T14:43:11Z',
			updated_on: '2017-02-16T14:43:11Z',
			user: documentedUser,
			task: documentedTask,
		};
		expect(simplifyAssignment(record)).toMatchObject({
			assigneeId: '1',
			assigneeName: 'Michael Scott',
			taskId: '3320',
			taskName: 'Testing',
			projectId: '1',
			startsOn: null,
			endsOn: '2014-10-30',
		});
	});
});

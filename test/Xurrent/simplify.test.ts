import type { IDataObject } from 'n8n-workflow';

import { simplifyAssignment } from '../../nodes/Xurrent/simplify';

// The documented examples of developer.xurrent.com/v1/project_tasks/assignments (identical on
// developer.4me.com): "List all assignments of a project task" (200 OK) and "Add an assignment
// to a project task" (201 Created; the vendor abbreviates it: no planned_effort, no waiting_until).
const documentedList: IDataObject[] = [
	{
		assignee: {
			id: 156,
			name: 'Ellen Brown',
			account: { id: 'widget', name: 'Widget International' },
		},
		attachment: null,
		created_at: '2016-12-23T05:09:09-06:00',
		id: 75,
		planned_effort: 240,
		status: 'waiting_for',
		updated_at: '2017-01-19T13:34:25-06:00',
		waiting_until: '2017-01-22T15:00:00Z',
		account: { id: 'widget', name: 'Widget International' },
	},
	{
		assignee: {
			id: 6,
			name: 'Howard Tanner',
			account: { id: 'widget', name: 'Widget International' },
		},
		attachment: null,
		created_at: '2017-01-19T13:24:16-06:00',
		id: 107,
		planned_effort: null,
		status: 'assigned',
		updated_at: '2017-01-19T13:33:59-06:00',
		waiting_until: null,
		account: { id: 'widget', name: 'Widget International' },
	},
];

const documentedCreate: IDataObject = {
	assignee: { id: 41, name: 'Beatrice Baldwin' },
	account: { id: 'widget', name: 'Widget International' },
	attachment: null,
	created_at: '2017-01-19T13:55:32-06:00',
	id: 109,
	status: 'assigned',
	updated_at: '2017-01-19T13:55:32-06:00',
};

describe('Xurrent › simplified assignment', () => {
	test('the documented list: nested assignee with name, planned effort already in minutes', () => {
		expect(documentedList.map(simplifyAssignment)).toEqual([
			{
				id: '75',
				vendor: 'xurrent',
				assigneeId: '156',
				assigneeType: 'user',
				assigneeName: 'Ellen Brown',
				// In the request path, not the record: the node fills it in (see the engine tests).
				taskId: null,
				taskName: null,
				projectId: null,
				startsOn: null,
				endsOn: null,
				effortMinutes: 240,
				effortMinutesPerDay: null,
				allocationPercent: null,
				status: 'waiting_for',
				active: true,
				createdAt: '2016-12-23T05:09:09-06:00',
				updatedAt: '2017-01-19T13:34:25-06:00',
			},
			expect.objectContaining({
				id: '107',
				assigneeId: '6',
				assigneeName: 'Howard Tanner',
				effortMinutes: null,
				status: 'assigned',
			}),
		]);
	});

	test('the documented create answer, which has no planned_effort', () => {
		expect(simplifyAssignment(documentedCreate)).toMatchObject({
			id: '109',
			assigneeId: '41',
			assigneeName: 'Beatrice Baldwin',
			effortMinutes: null,
			status: 'assigned',
			createdAt: '2017-01-19T13:55:32-06:00',
		});
	});
});

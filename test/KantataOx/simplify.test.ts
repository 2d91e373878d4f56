import type { IDataObject } from 'n8n-workflow';

import { assignmentsOf } from '../../nodes/KantataOx/envelope';
import { simplifyAssignment } from '../../nodes/KantataOx/simplify';

// The response sample of GET /assignments in Kantata OX's API reference (developer.kantata.com,
// "Assignments" › "Get assignments", the same schema as the official Swagger): keyed maps named
// "property1", placeholder values "string" and 0. Only the fields the mapping reads are kept of
// the story and user samples; the assignment sample is whole.
const documentedAssignment: IDataObject = {
	allocated_minutes: 0,
	assignee_id: 'string',
	created_at: '2019-08-24T14:15:22Z',
	current: true,
	estimated_minutes: 0,
	external_reference_ids: ['string'],
	resource_id: 0,
	story_allocation_day_ids: ['string'],
	story_id: 'string',
	updated_at: '2019-08-24T14:15:22Z',
};
const documentedStory: IDataObject = {
	due_date: '2019-08-24',
	start_date: '2019-08-24',
	state: 'string',
	title: 'string',
	workspace_id: 'string',
};
const documentedUser: IDataObject = { email_address: 'string', full_name: 'string' };

/**
 * The documented sample as an envelope the node reads: results pointing at the keyed maps, the
 * included story and user (include=assignee,story) unless told otherwise.
 */
const documentedEnvelope = (assignment: IDataObject, included = true) => ({
	count: 1,
	meta: { count: 1, page_count: 1, page_number: 1, page_size: 20 },
	results: [{ key: 'assignments', id: 'property1' }],
	assignments: { property1: { id: 'property1', ...assignment } },
	...(included ? { stories: { string: documentedStory }, users: { string: documentedUser } } : {}),
});

describe('Kantata OX › simplified assignment', () => {
	test('the documented sample with assignee and story included: names, project, task dates', () => {
		const [record] = assignmentsOf(documentedEnvelope(documentedAssignment));
		expect(simplifyAssignment(record)).toEqual({
			id: 'property1',
			vendor: 'kantataOx',
			assigneeId: 'string',
			assigneeType: 'user',
			assigneeName: 'string',
			taskId: 'string',
			taskName: 'string',
			projectId: 'string',
			startsOn: '2019-08-24',
			endsOn: '2019-08-24',
			effortMinutes: 0,
			effortMinutesPerDay: null,
			allocationPercent: null,
			status: null,
			active: true,
			createdAt: '2019-08-24T14:15:22Z',
			updatedAt: '2019-08-24T14:15:22Z',
		});
	});

	test('without includes the names, project and dates are unknown: null', () => {
		const [record] = assignmentsOf(documentedEnvelope(documentedAssignment, false));
		expect(simplifyAssignment(record)).toMatchObject({
			assigneeId: 'string',
			assigneeName: null,
			taskId: 'string',
			taskName: null,
			projectId: null,
			startsOn: null,
			endsOn: null,
		});
	});

	test('an unassigned (current = false) assignment of an unnamed resource is a placeholder', () => {
		// Unnamed resources have no user: "Think of unnamed resources as placeholders" (the
		// include_unnamed filter's documentation); Delete sets current to false.
		const [record] = assignmentsOf(
			documentedEnvelope({
				...documentedAssignment,
				assignee_id: null,
				resource_id: 555,
				current: false,
				estimated_minutes: 480,
			}),
		);
		expect(simplifyAssignment(record)).toMatchObject({
			assigneeId: '555',
			assigneeType: 'placeholder',
			assigneeName: null,
			effortMinutes: 480,
			active: false,
		});
	});
});

'use strict';
// Bulk Create per vendor, two ways: this package's node and n8n's HTTP Request node set up as a
// user would (POST, JSON body from expressions, auth headers typed in). Both get the same input
// items: pairs the sandbox has not assigned yet, so no create can clash (sandbox-host.js
// `freeCreateInputs`).

const { authHeaders } = require('./vendors');

const expr = (name) => `={{ $json.${name} }}`;

/** This package's node parameters for Create from the input items' fields (default Concurrency unless given). */
function oursCreateParameters(vendor, concurrency) {
	const common = {
		resource: 'assignment',
		operation: 'create',
		...(concurrency ? { requestOptions: { concurrency } } : {}),
	};
	switch (vendor) {
		case 'kantata':
			return {
				authentication: 'accessToken',
				...common,
				storyId: expr('storyId'),
				resourceId: expr('resourceId'),
				additionalFields: {},
				options: {},
			};
		case 'rm':
			return {
				...common,
				userId: expr('userId'),
				assignableId: expr('assignableId'),
				startsAt: expr('startsAt'),
				endsAt: expr('endsAt'),
				allocationMode: 'percent',
				percent: expr('percent'),
				additionalFields: {},
			};
		case 'xurrent':
			return {
				authentication: 'accessToken',
				...common,
				taskId: expr('taskId'),
				assigneeId: expr('assigneeId'),
				additionalFields: {},
			};
		case 'paymo':
			return { ...common, userId: expr('userId'), taskId: expr('taskId') };
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
}

/** The request a user builds by hand in the HTTP Request node for one input item. */
function httpCreateRequest(vendor, v) {
	switch (vendor) {
		case 'kantata':
			return {
				url: `${v.kantata.baseUrl}/assignments.json`,
				body: '={{ JSON.stringify({ assignment: { story_id: Number($json.storyId), resource_id: Number($json.resourceId) } }) }}',
			};
		case 'rm':
			return {
				url: `={{ "${v.rm.baseUrl}/users/" + $json.userId + "/assignments" }}`,
				body: '={{ JSON.stringify({ assignable_id: Number($json.assignableId), starts_at: $json.startsAt, ends_at: $json.endsAt, percent: $json.percent / 100 }) }}',
			};
		case 'xurrent':
			return {
				url: `={{ "${v.xurrent.baseUrl}/project_tasks/" + $json.taskId + "/assignments" }}`,
				body: '={{ JSON.stringify({ assignee_id: Number($json.assigneeId) }) }}',
			};
		case 'paymo':
			return {
				url: `${v.paymo.baseUrl}/userstasks`,
				body: '={{ JSON.stringify({ user_id: Number($json.userId), task_id: Number($json.taskId) }) }}',
			};
		default:
			throw new Error(`unknown vendor ${vendor}`);
	}
}

/** n8n's HTTP Request node (v4.x) parameters for Create, one request per input item. */
function httpNodeCreateParameters(vendor, v) {
	const { url, body } = httpCreateRequest(vendor, v);
	return {
		method: 'POST',
		url,
		authentication: 'none',
		sendHeaders: true,
		specifyHeaders: 'keypair',
		headerParameters: {
			parameters: Object.entries(authHeaders(vendor, v)).map(([name, value]) => ({ name, value })),
		},
		sendBody: true,
		contentType: 'json',
		specifyBody: 'json',
		jsonBody: body,
		options: {},
	};
}

module.exports = { oursCreateParameters, httpNodeCreateParameters };

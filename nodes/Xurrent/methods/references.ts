import type { IDataObject } from 'n8n-workflow';

import type { ReferenceSpec } from '../../shared/lookup/locator';
import type { FindByEmail } from '../../shared/lookup/reference';
import type { Transport } from '../../shared/transport/createTransport';

/** [I] The web app names records like the API: https://<account>.xurrent.com/project_tasks/<id>. */
export const projectTaskUrl = '^\\s*https?://[^/\\s]+/project_tasks/([0-9]+)(?:[/?#].*)?\\s*$';

export const references = {
	projectTask: {
		displayName: 'Project Task ID',
		name: 'taskId',
		searchListMethod: 'searchProjectTasks',
		idPlaceholder: 'e.g. 12345',
		url: {
			regex: projectTaskUrl,
			placeholder: 'e.g. https://widget.xurrent.com/project_tasks/12345',
		},
	},
	assignee: {
		displayName: 'Assignee ID',
		name: 'assigneeId',
		searchListMethod: 'searchPeople',
		idPlaceholder: 'e.g. 41',
		email: true,
	},
} satisfies Record<string, ReferenceSpec>;

/** People with this primary email: `GET /people?primary_email=` (a people filter field [I]). */
export function peopleByEmail(transport: Transport, itemIndex: number): FindByEmail {
	return async (email) => {
		const response = await transport.request(itemIndex, {
			method: 'GET',
			path: '/people',
			qs: { primary_email: email, fields: 'name,primary_email' },
		});
		const people = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
		return people.map((person) => ({ id: String(person.id), name: person.name as string }));
	};
}

import type { ReferenceSpec } from '../../shared/lookup/locator';

/**
 * [I] The web app (rm.smartsheet.com, formerly app.10000ft.com) opens a project at
 * /viewproject?id=<id>. People and placeholders have no address that carries their ID.
 */
export const projectUrl =
	'^\\s*https?://[^/\\s]+/viewproject\\?(?:[^#\\s]*&)?id=([0-9]+)(?:[&#].*)?\\s*$';

// The API has no filter by email, name or title for these lists (10kft-api _users.md,
// _projects.md, _placeholders.md): the pickers filter pages themselves and no By Email mode is
// offered.
export const references = {
	user: {
		displayName: 'User ID',
		name: 'userId',
		searchListMethod: 'searchUsers',
		idPlaceholder: 'e.g. 30256',
	},
	project: {
		displayName: 'Project ID',
		name: 'projectId',
		searchListMethod: 'searchProjects',
		idPlaceholder: 'e.g. 183760',
		url: { regex: projectUrl, placeholder: 'e.g. https://rm.smartsheet.com/viewproject?id=183760' },
	},
	placeholder: {
		displayName: 'Placeholder ID',
		name: 'placeholderId',
		searchListMethod: 'searchPlaceholders',
		idPlaceholder: 'e.g. 900001',
	},
	assignable: {
		displayName: 'Assignable ID',
		name: 'assignableId',
		searchListMethod: 'searchAssignables',
		idPlaceholder: 'e.g. 183760',
		url: { regex: projectUrl, placeholder: 'e.g. https://rm.smartsheet.com/viewproject?id=183760' },
	},
} satisfies Record<string, ReferenceSpec>;

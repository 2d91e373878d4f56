import type { INodeProperties } from 'n8n-workflow';

/** A web-app address that carries a record's ID, and how to read the ID out of it. */
export interface UrlPattern {
	/** Matches the whole address; its first group is the ID. */
	regex: string;
	placeholder: string;
}

/** How one reference to another object can be given in the editor. */
export interface ReferenceSpec {
	displayName: string;
	name: string;
	description?: string;
	/** The node's `methods.listSearch` entry that lists the objects. */
	searchListMethod: string;
	idPlaceholder: string;
	url?: UrlPattern;
	/** People only: the API can find a person by email address. */
	email?: boolean;
	/** By ID also takes several IDs separated by commas (list filters). */
	several?: boolean;
	required?: boolean;
}

/** Digits only, as the request kernel requires of every ID. */
export const idRegex = '^\\s*[0-9]+\\s*$';
export const idsRegex = '^\\s*[0-9]+(\\s*,\\s*[0-9]+)*\\s*$';
export const emailRegex = '^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$';

/**
 * A resource locator in n8n's own style (Airtable, Jira): pick From list (searchable, paged),
 * or type the ID, paste the web-app URL, or give a person's email.
 */
export function referenceLocator(spec: ReferenceSpec): INodeProperties {
	const idRule = spec.several
		? {
				regex: idsRegex,
				errorMessage: `${spec.displayName}: enter a numeric ID, or several separated by commas`,
			}
		: { regex: idRegex, errorMessage: `${spec.displayName}: enter a numeric ID` };
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(spec.required ? { required: true } : {}),
		...(spec.description ? { description: spec.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [{ type: 'regex', properties: idRule }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.url?.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: spec.url?.regex ?? '^$',
							errorMessage: `${spec.displayName}: paste the address the web app shows, ${spec.url?.placeholder}`,
						},
					},
				],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane.doe@example.com',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: emailRegex,
							errorMessage: `${spec.displayName}: enter an email address`,
						},
					},
				],
			},
		],
	};
	// Written out in full above so n8n's lint sees them as modes; those that do not apply go here.
	const offered = (name: string) =>
		name === 'url' ? Boolean(spec.url) : name === 'email' ? Boolean(spec.email) : true;
	property.modes = property.modes?.filter((mode) => offered(mode.name));
	return property;
}

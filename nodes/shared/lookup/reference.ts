import type { IExecuteFunctions } from 'n8n-workflow';

import { checkId, inputError } from '../validate';
import type { ReferenceSpec } from './locator';
import { emailRegex } from './locator';

/** What a reference parameter holds once read: an ID, or an email still to be looked up. */
export type Reference = { id: string } | { email: string };

interface LocatorValue {
	__rl?: boolean;
	mode?: string;
	value?: unknown;
}

const isLocator = (raw: unknown): raw is LocatorValue =>
	typeof raw === 'object' && raw !== null && 'mode' in raw && 'value' in raw;

/** The mode and raw value of a locator; a plain value (an expression) counts as By ID. */
export function locatorParts(raw: unknown): { mode: string; value: unknown } {
	return isLocator(raw) ? { mode: raw.mode ?? 'id', value: raw.value } : { mode: 'id', value: raw };
}

const shown = (value: unknown) => JSON.stringify(value);

/**
 * Reads a resource-locator value without n8n's `extractValue`, so every mode fails with a message
 * naming the parameter and the item, before any request. A plain string or number (an
 * expression set on the whole parameter, or a workflow written before the locators) is an ID.
 */
export function parseReference(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	spec: Pick<ReferenceSpec, 'displayName' | 'url' | 'email'>,
): Reference | undefined {
	const label = spec.displayName;
	const mode = isLocator(raw) ? (raw.mode ?? 'id') : 'id';
	const value = isLocator(raw) ? raw.value : raw;
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === '' || text === undefined || text === null) return undefined;
	if (mode === 'url' && spec.url) {
		const match = typeof text === 'string' ? new RegExp(spec.url.regex).exec(text) : null;
		if (!match?.[1]) {
			throw inputError(
				ctx,
				itemIndex,
				`${label} (By URL) is not an address this node can read the ID from, got ${shown(value)}`,
				`Paste the address of the record as the web app shows it, e.g. ${spec.url.placeholder.replace(/^e\.g\. /, '')}, or choose From List or By ID.`,
			);
		}
		return { id: checkId(ctx, itemIndex, match[1], label) };
	}
	if (mode === 'email' && spec.email) {
		if (typeof text !== 'string' || !new RegExp(emailRegex).test(text)) {
			throw inputError(
				ctx,
				itemIndex,
				`${label} (By Email) must be an email address, got ${shown(value)}`,
				'Enter the email address of the person, e.g. jane.doe@example.com.',
			);
		}
		return { email: text };
	}
	return { id: checkId(ctx, itemIndex, text, label) };
}

/** The people an email names, as the vendor's filter answered (one request). */
export type FindByEmail = (email: string) => Promise<Array<{ id: string; name?: string }>>;

/**
 * The ID a reference stands for. An email is looked up with one request; none or several
 * matches stop the item with a message saying which, before the main request.
 */
export async function resolveReference(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: Reference | undefined,
	label: string,
	findByEmail?: FindByEmail,
): Promise<string | undefined> {
	if (!reference) return undefined;
	if ('id' in reference) return reference.id;
	if (!findByEmail) throw new Error(`${label} has no email lookup`);
	const people = await findByEmail(reference.email);
	if (people.length === 1) return people[0].id;
	if (people.length === 0) {
		throw inputError(
			ctx,
			itemIndex,
			`${label}: nobody has the email "${reference.email}"`,
			'Check the address, or choose the person From List.',
		);
	}
	const names = people.map((person) => `${person.name ?? 'ID'} (${person.id})`).join(', ');
	throw inputError(
		ctx,
		itemIndex,
		`${label}: ${people.length} people have the email "${reference.email}"`,
		`Choose one of them From List or By ID: ${names}.`,
	);
}

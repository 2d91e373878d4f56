import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { lookupTransport } from '../../shared/lookup/context';
import { smartsheetRmTransport } from '../transport';

/** A short account list read whole (one page of up to 1000). */
async function readAll(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	const response = await lookupTransport(ctx, smartsheetRmTransport).request(0, {
		method: 'GET',
		path,
		qs: { per_page: 1000 },
	});
	const data = ((response.body ?? {}) as IDataObject).data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** The account's work statuses (`GET /status_options`, deleted ones left out). */
export async function getStatusOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const options = await readAll(this, '/status_options');
	return options
		.filter((option) => !option.deleted_at)
		.map((option) => ({
			name: String(option.label),
			value: String(option.id),
			...(option.stage ? { description: `Stage: ${String(option.stage).replace(/_/g, ' ')}` } : {}),
		}));
}

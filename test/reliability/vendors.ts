import type { NodeParameterValueType } from 'n8n-workflow';

import type { VendorName } from '../../sandbox/server';

/** How each node lists the sandbox's big collection (more than 5,000 assignments when seeded so). */
export interface SandboxVendor {
	label: string;
	vendor: VendorName;
	node: string;
	credential: string;
	/** The vendor's maximum page size, which Return All uses. */
	pageSize: number;
	/** Return All parameters over the big list: Xurrent's task 1001, Paymo's user 241185. */
	list: Record<string, NodeParameterValueType>;
}

export const sandboxVendors: Record<VendorName, SandboxVendor> = {
	kantata: {
		label: 'Kantata OX',
		vendor: 'kantata',
		node: 'kantataOx',
		credential: 'kantataOxApi',
		pageSize: 200,
		list: { authentication: 'accessToken', returnAll: true, filters: {}, options: {} },
	},
	rm: {
		label: 'Smartsheet RM',
		vendor: 'rm',
		node: 'smartsheetResourceManagement',
		credential: 'smartsheetResourceManagementApi',
		pageSize: 1000,
		list: { scope: 'all', returnAll: true, filters: {} },
	},
	xurrent: {
		label: 'Xurrent',
		vendor: 'xurrent',
		node: 'xurrent',
		credential: 'xurrentApi',
		pageSize: 100,
		list: {
			authentication: 'accessToken',
			taskId: { __rl: true, mode: 'id', value: '1001' },
			returnAll: true,
		},
	},
	paymo: {
		label: 'Paymo',
		vendor: 'paymo',
		node: 'paymo',
		credential: 'paymoApi',
		pageSize: 100,
		list: {
			filterBy: 'user',
			userId: { __rl: true, mode: 'id', value: '241185' },
			returnAll: true,
			filters: {},
			options: {},
		},
	},
};

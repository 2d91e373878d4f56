import type { ICredentialType, INodeType } from 'n8n-workflow';

import { KantataOxApi } from '../../credentials/KantataOxApi.credentials';
import { KantataOxOAuth2Api } from '../../credentials/KantataOxOAuth2Api.credentials';
import { PaymoApi } from '../../credentials/PaymoApi.credentials';
import { SmartsheetResourceManagementApi } from '../../credentials/SmartsheetResourceManagementApi.credentials';
import { XurrentApi } from '../../credentials/XurrentApi.credentials';
import { XurrentOAuth2Api } from '../../credentials/XurrentOAuth2Api.credentials';
import { KantataOx } from '../../nodes/KantataOx/KantataOx.node';
import { Paymo } from '../../nodes/Paymo/Paymo.node';
import { SmartsheetResourceManagement } from '../../nodes/SmartsheetResourceManagement/SmartsheetResourceManagement.node';
import { Xurrent } from '../../nodes/Xurrent/Xurrent.node';

/** Every node of the package, as the engine harness loads them. */
export const nodes: INodeType[] = [
	new KantataOx(),
	new Paymo(),
	new SmartsheetResourceManagement(),
	new Xurrent(),
];

/** Every credential type of the package. */
export const credentials: ICredentialType[] = [
	new KantataOxApi(),
	new KantataOxOAuth2Api(),
	new PaymoApi(),
	new SmartsheetResourceManagementApi(),
	new XurrentApi(),
	new XurrentOAuth2Api(),
];

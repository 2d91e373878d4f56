import type { ICredentialType, INodeType } from 'n8n-workflow';

import { KantataOxApi } from '../../credentials/KantataOxApi.credentials';
import { KantataOxOAuth2Api } from '../../credentials/KantataOxOAuth2Api.credentials';
import { KantataOx } from '../../nodes/KantataOx/KantataOx.node';

/** Every node of the package, as the engine harness loads them (one line per node). */
export const nodes: INodeType[] = [new KantataOx()];

/** Every credential type of the package. */
export const credentials: ICredentialType[] = [new KantataOxApi(), new KantataOxOAuth2Api()];

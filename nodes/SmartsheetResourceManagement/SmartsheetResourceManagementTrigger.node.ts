import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	NodeApiError,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createTransport } from '../shared/transport/createTransport';
import { asNodeError } from '../shared/transport/errors';
import type { AssignmentEvent } from '../shared/trigger/changes';
import { eventsProperty } from '../shared/trigger/descriptions';
import { eventItem } from '../shared/trigger/poll';
import { hasToken, newToken, registeredUrl } from '../shared/trigger/webhookToken';
import { assignmentsOf } from './envelope';
import { maxPageSize, smartsheetRmPages, smartsheetRmTransport } from './transport';

const vendor = 'Smartsheet Resource Management';

/** The vendor's event types; `assignment.deleted` cannot be subscribed but arrives on reassignment. */
const eventTypes: Record<string, AssignmentEvent> = {
	'assignment.created': 'created',
	'assignment.updated': 'updated',
	'assignment.deleted': 'removed',
};
const typeOf = (event: AssignmentEvent) =>
	Object.keys(eventTypes).find((type) => eventTypes[type] === event) as string;

interface Subscription {
	token?: string;
	url?: string;
	/** Event type → the vendor's webhook ID. */
	webhookIds?: Record<string, number | string>;
}

const selectedTypes = (ctx: IHookFunctions) =>
	(ctx.getNodeParameter('events', []) as AssignmentEvent[]).map(typeOf);

async function unsubscribe(ctx: IHookFunctions, subscription: Subscription) {
	const transport = createTransport(ctx, smartsheetRmTransport);
	for (const id of Object.values(subscription.webhookIds ?? {})) {
		try {
			await transport.request(0, { method: 'DELETE', path: `/webhooks/${id}` });
		} catch (error) {
			// Already gone (deleted by hand, or unsubscribed by the vendor after failures).
			if ((error as NodeApiError).httpCode !== '404')
				throw asNodeError(ctx.getNode(), error as Error, 0);
		}
	}
	delete subscription.webhookIds;
	delete subscription.token;
	delete subscription.url;
}

export class SmartsheetResourceManagementTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartsheet Resource Management Trigger',
		name: 'smartsheetResourceManagementTrigger',
		icon: {
			light: 'file:../../icons/smartsheetResourceManagement.svg',
			dark: 'file:../../icons/smartsheetResourceManagement.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Assignment: " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a Smartsheet Resource Management assignment is created or changed',
		defaults: { name: 'Smartsheet Resource Management Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartsheetResourceManagementApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName: `${vendor} posts to https:// URLs only, so n8n must be reachable over HTTPS. A change of assignee arrives as Assignment Removed (the old assignee) and Assignment Created; other removals are not reported by the API.`,
				name: 'notice',
				type: 'notice',
				default: '',
			},
			eventsProperty(['created', 'updated']),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const subscription = this.getWorkflowStaticData('node') as Subscription;
				const ids = subscription.webhookIds ?? {};
				const wanted = selectedTypes(this);
				if (!subscription.url || wanted.some((type) => ids[type] === undefined)) return false;
				const transport = createTransport(this, smartsheetRmTransport);
				const registered = await transport.requestAll(
					0,
					{ method: 'GET', path: '/webhooks' },
					{ strategy: smartsheetRmPages, maxPageSize, items: assignmentsOf },
				);
				return wanted.every((type) =>
					registered.some(
						(hook) =>
							String(hook.id) === String(ids[type]) &&
							hook.url === subscription.url &&
							hook.event_type === type,
					),
				);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const subscription = this.getWorkflowStaticData('node') as Subscription;
				// A partial set from an earlier activation would deliver twice: start clean.
				await unsubscribe(this, subscription);
				const token = newToken();
				const url = registeredUrl(this, token, vendor);
				const transport = createTransport(this, smartsheetRmTransport);
				const webhookIds: Record<string, number | string> = {};
				try {
					for (const type of selectedTypes(this)) {
						const response = await transport.request(0, {
							method: 'POST',
							path: '/webhooks',
							body: { event_type: type, url },
						});
						webhookIds[type] = (response.body as IDataObject).id as number;
					}
				} catch (error) {
					await unsubscribe(this, { webhookIds });
					throw asNodeError(this.getNode(), error as Error, 0);
				}
				Object.assign(subscription, { token, url, webhookIds });
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				await unsubscribe(this, this.getWorkflowStaticData('node') as Subscription);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const subscription = this.getWorkflowStaticData('node') as Subscription;
		if (!hasToken(this, subscription.token)) {
			this.getResponseObject().status(403).send('Forbidden');
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData();
		const event = eventTypes[String(body.type)];
		const data = body.data;
		const selected = this.getNodeParameter('events', []) as AssignmentEvent[];
		if (!event || typeof data !== 'object' || data === null || Array.isArray(data)) return {};
		if (event !== 'removed' && !selected.includes(event)) return {};
		return { workflowData: [[eventItem(event, data as IDataObject)]] };
	}
}

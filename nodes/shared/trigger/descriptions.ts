import type { INodeProperties } from 'n8n-workflow';

import type { AssignmentEvent } from './changes';

const eventOptions: Record<
	AssignmentEvent,
	{ name: string; value: AssignmentEvent; description: string }
> = {
	created: {
		name: 'Assignment Created',
		value: 'created',
		description: 'A user or resource was assigned',
	},
	updated: {
		name: 'Assignment Updated',
		value: 'updated',
		description: 'An assignment changed',
	},
	removed: {
		name: 'Assignment Removed',
		value: 'removed',
		description: 'A user or resource was unassigned',
	},
};

/** The Events choice; each vendor lists the events it can see, with its own wording of them. */
export function eventsProperty(
	events: AssignmentEvent[],
	descriptions: Partial<Record<AssignmentEvent, string>> = {},
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [...events],
		description:
			'Which changes start the workflow. Each output item has an "event" field saying which.',
		options: events.map((event) => ({
			...eventOptions[event],
			description: descriptions[event] ?? eventOptions[event].description,
		})),
	};
}

/** "Include Existing" with its cap: the only way a first activation outputs records from before it. */
export function includeExistingOptions(maxExisting: number): INodeProperties[] {
	return [
		{
			displayName: 'Include Existing',
			name: 'includeExisting',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll after activation outputs assignments that already exist (as Assignment Created, newest first, up to Max Existing). Off: only changes after activation start the workflow.',
		},
		{
			displayName: 'Max Existing',
			name: 'maxExisting',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: maxExisting },
			default: Math.min(50, maxExisting),
			description: `Max number of existing assignments to output on the first poll (at most ${maxExisting})`,
		},
	];
}

import type { INode } from 'n8n-workflow';

import { enterGate, gateState, leaveGate } from '../../nodes/shared/transport/gate';
import { pauseCredential, pauseJitter, pauseLeft } from '../../nodes/shared/transport/pause';

const node = {
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;
const { sleep: realSleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
/** Lets every promise that can move on do so. */
const settle = async () => await realSleep(5);
let keys = 0;
const freshKey = () => `credential-${++keys}`;

/** Starts `count` entries and reports how many got in before the microtask queue settled. */
async function admitted(key: string, count: number, signal?: AbortSignal) {
	let inside = 0;
	const entries = Array.from({ length: count }, async () => {
		await enterGate(key, signal, node, 0);
		inside++;
	});
	await settle();
	return { inside: () => inside, entries };
}

describe('the credential gate', () => {
	it('lets one request probe a credential it has not heard from', async () => {
		const key = freshKey();
		const probe = await admitted(key, 3);
		expect(probe.inside()).toBe(1);
		leaveGate(key, { spaced: false, refused: false });
		await settle();
		expect(probe.inside()).toBe(3);
	});

	it('keeps no more in flight than the window has left, whatever order answers come in', async () => {
		const key = freshKey();
		await enterGate(key, undefined, node, 0);
		leaveGate(key, { remaining: 3, spaced: false, refused: false });
		const burst = await admitted(key, 10);
		expect(burst.inside()).toBe(3);
		// An older answer (more left) after a newer one (less left) does not widen the gate.
		leaveGate(key, { remaining: 1, spaced: false, refused: false });
		leaveGate(key, { remaining: 2, spaced: false, refused: false });
		await settle();
		expect(gateState(key)).toMatchObject({ inFlight: 1, allowed: 1 });
	});

	it('sends one at a time while the vendor asks for spacing', async () => {
		const key = freshKey();
		await enterGate(key, undefined, node, 0);
		leaveGate(key, { spaced: true, refused: false });
		expect((await admitted(key, 5)).inside()).toBe(1);
	});

	it('halves after a refusal and grows back by one per that many accepted answers', async () => {
		const key = freshKey();
		await enterGate(key, undefined, node, 0);
		leaveGate(key, { spaced: false, refused: false });
		await admitted(key, 8);
		expect(gateState(key)).toMatchObject({ inFlight: 8, allowed: 50, cap: Infinity });
		leaveGate(key, { spaced: false, refused: true });
		expect(gateState(key)?.cap).toBe(4);
		for (let i = 0; i < 4; i++) leaveGate(key, { spaced: false, refused: false });
		expect(gateState(key)?.cap).toBe(5);
	});

	it('ends a wait when the execution is stopped', async () => {
		const key = freshKey();
		const controller = new AbortController();
		await enterGate(key, controller.signal, node, 0);
		const waiting = enterGate(key, controller.signal, node, 1);
		controller.abort();
		await expect(waiting).rejects.toThrow('The execution was stopped');
		expect(gateState(key)?.inFlight).toBe(1);
	});
});

describe('pause jitter', () => {
	afterEach(() => {
		pauseJitter.fraction = 0;
	});

	it.each([
		['a tenth of a short pause at most', 5_000, 1, 500],
		['at most a second of a long one', 60_000, 1, 1_000],
		['none when the draw is 0', 5_000, 0, 0],
	])('%s', (_, pauseMs, draw, extraMs) => {
		pauseJitter.fraction = 0.1;
		const key = freshKey();
		pauseCredential(key, Date.now() + pauseMs, () => draw);
		expect(pauseLeft(key)).toBeGreaterThan(pauseMs + extraMs - 50);
		expect(pauseLeft(key)).toBeLessThanOrEqual(pauseMs + extraMs + 1);
	});
});

import { sleep } from 'n8n-workflow';
import type { NodeParameterValueType } from 'n8n-workflow';

import type { RequestLogEntry } from '../../sandbox/server';
import { runNode } from '../harness/run';
import { useSandbox } from '../harness/sandbox';
import type { SandboxVendor } from './vendors';
import { sandboxVendors } from './vendors';

// Issue 14 item 3: a stopped execution stops. The harness stops the run as the editor's Stop
// button does (n8n aborts the execution's cancel signal); waits here are real where they matter.

const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
let onRequest: (entry: RequestLogEntry) => void = () => undefined;
// Paymo: one request per 4 s window, so every page is followed by a 4 s pause.
const env = useSandbox({
	size: 1000,
	rateLimit: { paymo: { limit: 1, windowSeconds: 4 } },
	onRequest: (entry) => onRequest(entry),
});

afterEach(() => {
	onRequest = () => undefined;
	jest.mocked(sleep).mockImplementation(async () => {});
	env.sandbox.reset();
	env.sandbox.setLatency(0);
});

async function run(
	v: SandboxVendor,
	stop: AbortController,
	parameters: Record<string, NodeParameterValueType> = v.list,
) {
	return await runNode({
		node: v.node,
		parameters: { resource: 'assignment', operation: 'getAll', ...parameters },
		credentials: env.credentials(v.credential),
		cancel: stop.signal,
	});
}

/** Real waits; the execution is stopped `afterMs` into the first one. */
function stopDuringFirstWait(stop: AbortController, afterMs: number) {
	let stoppedAt = 0;
	jest.mocked(sleep).mockImplementation(async (ms: number) => {
		if (!stoppedAt)
			void actual.sleep(afterMs).then(() => {
				stoppedAt = Date.now();
				stop.abort();
			});
		await actual.sleep(ms);
	});
	return () => stoppedAt;
}

const gets = () => env.sandbox.requests.filter((entry) => entry.method === 'GET');

it('stopped after page 1 (in the pause before page 2): no request for page 2', async () => {
	const stop = new AbortController();
	jest.mocked(sleep).mockImplementationOnce(async () => stop.abort());
	await run(sandboxVendors.paymo, stop);
	expect(gets()).toHaveLength(1);
	// Nor does it wait to try page 2 again.
	expect(jest.mocked(sleep)).toHaveBeenCalledTimes(1);
});

it('stopped during a long rate-limit pause: the node returns within a second', async () => {
	const stop = new AbortController();
	const stoppedAt = stopDuringFirstWait(stop, 300);
	await run(sandboxVendors.paymo, stop);
	expect(stoppedAt()).toBeGreaterThan(0);
	expect(Date.now() - stoppedAt()).toBeLessThan(1000);
	expect(gets()).toHaveLength(1);
});

it('stopped while waiting to retry a 429 (Retry-After: 4): the node returns within a second', async () => {
	const stop = new AbortController();
	env.sandbox.injectFaults([{ type: '429', vendor: 'kantata', retryAfterSeconds: 4 }]);
	const stoppedAt = stopDuringFirstWait(stop, 300);
	await run(sandboxVendors.kantata, stop);
	expect(Date.now() - stoppedAt()).toBeLessThan(1000);
	expect(gets()).toHaveLength(1);
});

it('stopped while a request waits for its answer: the node returns within a second', async () => {
	const stop = new AbortController();
	env.sandbox.setLatency(5000);
	jest.mocked(sleep).mockClear();
	let stoppedAt = 0;
	void actual.sleep(300).then(() => {
		stoppedAt = Date.now();
		stop.abort();
	});
	await run(sandboxVendors.rm, stop);
	expect(stoppedAt).toBeGreaterThan(0);
	expect(Date.now() - stoppedAt).toBeLessThan(1000);
	expect(jest.mocked(sleep)).not.toHaveBeenCalled();
});

import { sleep } from 'n8n-workflow';

import { pauseJitter } from '../../nodes/shared/transport/pause';
import { captureLogs } from './logs';

// Pauses end at exactly the time asked for, so tests can state the pacing arithmetic;
// test/shared/gate.test.ts covers the jitter itself.
pauseJitter.fraction = 0;

// A recorded wait moves the clock forward by what it would have waited, so that a credential's
// pause has passed for the requests that come after it (as it has in real time). Tests that
// run their own clock replace both in their own beforeEach.
const realNow = Date.now.bind(Date);
beforeEach(() => {
	let skipped = 0;
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skipped);
	jest.mocked(sleep).mockImplementation(async (ms = 0) => {
		skipped += ms;
	});
});

// Retries and pacing wait through n8n-workflow's `sleep`; tests record the waits instead of waiting.
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return { ...actual, sleep: jest.fn(async () => {}) };
});

beforeEach(() => {
	nock.disableNetConnect();
});

afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	nock.enableNetConnect();
	if (pending.length)
		throw new Error(`Mocked requests that were never made: ${pending.join(', ')}`);
});

captureLogs();

import { captureLogs } from './logs';

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

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../scripts/lib/credentials';
import type { Sandbox, SandboxOptions } from '../../sandbox/server';
import { createSandbox } from '../../sandbox/server';

/**
 * The vendor sandbox on loopback for suites that need a stateful, fault-injecting server rather
 * than fixed nock replies. The network stays closed to everything else.
 */
export function useSandbox(options: SandboxOptions = {}) {
	const handle: { sandbox?: Sandbox } = {};
	beforeAll(async () => {
		handle.sandbox = await createSandbox({ rateLimit: false, ...options });
	});
	beforeEach(() => {
		nock.enableNetConnect('127.0.0.1');
	});
	afterAll(async () => {
		await handle.sandbox?.close();
	});
	return {
		get sandbox(): Sandbox {
			if (!handle.sandbox) throw new Error('The sandbox starts in beforeAll');
			return handle.sandbox;
		},
		/** Credential data for one of this package's credential types, pointed at the sandbox. */
		credentials(type: string): Record<string, ICredentialDataDecryptedObject> {
			return { [type]: SANDBOX_CREDENTIALS[type](this.sandbox.vendors) };
		},
	};
}

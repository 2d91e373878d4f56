// Types for TypeScript tests; the implementation is credentials.js.
import type { SandboxVendors } from '../../sandbox/server';

export const SANDBOX_CREDENTIALS: Record<
	string,
	(vendors: SandboxVendors) => Record<string, string>
>;
export const SANDBOX_NAMES: Record<string, string>;
export function sandboxCredentialId(type: string): string;

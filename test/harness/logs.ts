import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { Logger as LoggerType } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

/**
 * Every line n8n or a node logs while the tests run, at every level, so the secret scan can read
 * them: n8n-core's execution contexts log through the DI container's Logger, older code through
 * n8n-workflow's LoggerProxy. Nothing is printed.
 */
export const logLines: string[] = [];

function text(metadata: unknown): string {
	if (metadata === undefined) return '';
	try {
		return JSON.stringify(metadata);
	} catch {
		return String(metadata);
	}
}

const line =
	(level: string) =>
	(message: string, metadata?: unknown): void => {
		logLines.push(`${level} ${message} ${text(metadata)}`);
	};

const capturing = {
	error: line('error'),
	warn: line('warn'),
	info: line('info'),
	debug: line('debug'),
	scoped: () => capturing,
};

export function captureLogs() {
	Container.set(Logger, capturing as unknown as Logger);
	LoggerProxy.init(capturing as LoggerType);
}

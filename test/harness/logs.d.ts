/** Every line n8n or a node logged while the tests ran (see logs.js). */
export const logLines: string[];
/** Routes n8n's loggers into logLines. */
export function captureLogs(): void;
/** Logs through the Logger n8n-core's execution contexts use. */
export function logAsN8n(message: string): void;

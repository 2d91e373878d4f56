'use strict';
// Every line n8n or a node logs while the tests run, at every level, so the secret scan can read
// them: n8n-core's execution contexts log through the DI container's Logger, older code through
// n8n-workflow's LoggerProxy. Nothing is printed. (JavaScript: the n8n lint forbids importing
// n8n's internal packages from TypeScript, even in tests.)

const { Logger } = require('@n8n/backend-common');
const { Container } = require('@n8n/di');
const { LoggerProxy } = require('n8n-workflow');

const logLines = [];

function text(metadata) {
	if (metadata === undefined) return '';
	try {
		return JSON.stringify(metadata);
	} catch {
		return String(metadata);
	}
}

const line = (level) => (message, metadata) => {
	logLines.push(`${level} ${message} ${text(metadata)}`);
};

const capturing = {
	error: line('error'),
	warn: line('warn'),
	info: line('info'),
	debug: line('debug'),
	scoped: () => capturing,
};

function captureLogs() {
	Container.set(Logger, capturing);
	LoggerProxy.init(capturing);
}

/** Logs through the Logger n8n-core's execution contexts use (for tests of the scan itself). */
function logAsN8n(message) {
	Container.get(Logger).debug(message);
}

module.exports = { logLines, captureLogs, logAsN8n };

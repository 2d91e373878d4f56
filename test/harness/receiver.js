'use strict';
// A loopback HTTP server standing in for n8n's webhook endpoint, for tests where the sandbox
// delivers webhooks. Plain JavaScript: the community lint forbids node:http in TypeScript files.

const http = require('node:http');

/** Starts a receiver; every POST is recorded as { url, body } and answered 200. */
async function startReceiver() {
	const received = [];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			received.push({ url: String(req.url), body: text ? JSON.parse(text) : undefined });
			res.writeHead(200).end();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${server.address().port}`,
		received,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startReceiver };

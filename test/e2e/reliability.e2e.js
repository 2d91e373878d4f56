'use strict';
// Cases for workflows/reliability.json (issue 14), run by scripts/e2e.js after `n8n execute`.
//
// Redirects: each node's first request is answered with a 302 to the same path on another
// loopback origin (127.0.0.2), where a real server records whatever reaches it; then one Kantata
// request is redirected (307, relative) on its own origin. Cut-off: the second page of a Kantata
// Return All is carried out and its answer cut off mid-body (headers, half the body, socket
// destroyed), so the node must read that page again and still output every record once.

const assert = require('node:assert/strict');
const http = require('node:http');

const kantata = require('./kantataOx.e2e');

const PREFIX = '/kantata/api/v1';
const VENDORS = {
	'Kantata OX': 'kantata',
	'Smartsheet RM': 'rm',
	Xurrent: 'xurrent',
	Paymo: 'paymo',
};

/** What reached the other origin, and the page 2 of the Return All to cut off. */
const state = { elsewhere: [], sandbox: undefined, cutOffArmed: false };

const listPage = (r, page) =>
	r.vendor === 'kantata' &&
	r.method === 'GET' &&
	r.path === `${PREFIX}/assignments.json` &&
	r.query.page === String(page) &&
	r.query.per_page === '200';

/** A real server on another loopback origin that records every request with its headers. */
async function startElsewhere() {
	const server = http.createServer((req, res) => {
		state.elsewhere.push({ method: req.method, url: req.url, headers: req.headers });
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{}');
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.2', resolve);
	});
	// The run must end even when no case gets to close it.
	server.unref();
	return server;
}

module.exports = {
	sandbox: {
		size: { kantata: 650 },
		// Cuts off the Return All's page 2 once page 1 was answered (armed in prepare).
		onRequest(entry) {
			if (state.cutOffArmed && entry.status === 200 && listPage(entry, 1)) {
				state.cutOffArmed = false;
				state.sandbox.injectFaults([{ type: 'cut-off', vendor: 'kantata' }]);
			}
		},
	},

	async prepare(sandbox) {
		const server = await startElsewhere();
		const elsewhere = `http://127.0.0.2:${server.address().port}`;
		state.elsewhere = [];
		state.sandbox = sandbox;
		// One redirect away per node, in workflow order; then Kantata's same-origin one.
		sandbox.injectFaults([
			...Object.values(VENDORS).map((vendor) => ({ type: 'redirect', vendor, to: elsewhere })),
			{ type: 'redirect', status: 307, vendor: 'kantata' },
		]);
		// The redirect nodes ask for 3 records; the first page of 200 is the Return All's.
		state.cutOffArmed = true;
		return { server, elsewhere, ...kantata.prepare(sandbox) };
	},

	cases: {
		'a redirect to another origin: no request reaches it, for all four nodes'({ prepared }) {
			prepared.server.close();
			assert.deepEqual(state.elsewhere, [], 'requests (with credentials) reached the other origin');
		},

		'… and each node reports the status and both hosts'({ output, sandbox, prepared }) {
			for (const label of Object.keys(VENDORS)) {
				const items = output(`Redirect Away ${label}`);
				assert.equal(items.length, 1, label);
				assert.equal(
					items[0].error,
					`The service redirected the request (HTTP 302) from ${sandbox.url} to ${prepared.elsewhere}`,
					label,
				);
			}
		},

		'a redirect on the credential’s own origin is followed, with the credential'({
			output,
			requests,
		}) {
			assert.equal(output('Redirect Same Origin').length, 3);
			const redirected = requests.filter((r) => r.vendor === 'kantata' && r.fault === 'redirect');
			assert.equal(redirected.length, 2, 'one redirect away, one on the same origin');
			const [away, same] = redirected;
			assert.equal(away.status, 302);
			assert.equal(same.status, 307);
			const followed = requests.find((r) => r.seq === same.seq + 1);
			assert.equal(followed.path, same.path);
			assert.deepEqual(followed.query, same.query);
			assert.deepEqual(followed.auth, { present: true, valid: true });
		},

		'Return All with a cut-off page: every visible record once, the cut-off page read again'({
			output,
			requests,
			prepared,
		}) {
			const items = output('Return All With Cut-Off');
			assert.deepEqual(
				items.map((i) => i.id),
				prepared.expectedIds,
			);
			const page2 = requests.filter((r) => listPage(r, 2));
			assert.deepEqual(
				page2.map((r) => [r.status, r.fault]),
				[
					[200, 'cut-off'],
					[200, null],
				],
			);
		},

		'every injected fault was met (none left for the next workflow)'({ requests, sandbox }) {
			const faults = requests.filter((r) => r.fault).map((r) => `${r.vendor} ${r.fault}`);
			sandbox.setFaults({});
			assert.deepEqual(faults.sort(), [
				'kantata cut-off',
				'kantata redirect',
				'kantata redirect',
				'paymo redirect',
				'rm redirect',
				'xurrent redirect',
			]);
		},
	},
};

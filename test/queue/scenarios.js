'use strict';
// What scripts/queue.js runs in n8n's queue mode: the webhook-triggered workflows of workflows/,
// how many executions of each start at once, and what each execution must output (its list
// node's items, read from the execution data n8n stored in Postgres). The expected
// outputs come from the e2e suites' own prepare() (same seed and sizes), computed from the
// sandbox's raw records, not through its API.

const path = require('node:path');

const kantata = require('../e2e/kantataOx.e2e.js');
const paymo = require('../e2e/paymo.e2e.js');

const workflowId = (file) => require(path.join(__dirname, 'workflows', file)).id;

const WORKFLOWS = {
	kantata: {
		file: 'queueKantata.json',
		id: workflowId('queueKantata.json'),
		webhook: 'queue-kantata',
		node: 'List All',
		nodeType: 'n8n-nodes-assignments.kantataOx',
		expected(sandbox) {
			const { expectedIds, pages } = kantata.prepare(sandbox);
			return { ids: expectedIds, requests: pages };
		},
	},
	paymo: {
		file: 'queuePaymo.json',
		id: workflowId('queuePaymo.json'),
		webhook: 'queue-paymo',
		node: 'List By User',
		nodeType: 'n8n-nodes-assignments.paymo',
		expected(sandbox) {
			const { admin, adminRequests } = paymo.prepare(sandbox);
			return { ids: admin, requests: adminRequests };
		},
	},
};

// Paymo keeps the vendor's limit (5 requests / 5 s) in every phase.
const PAYMO_LIMIT = paymo.sandbox.rateLimit.paymo;

module.exports = {
	WORKFLOWS,
	PAYMO_LIMIT,
	sandbox: {
		seed: 'e2e',
		size: { ...kantata.sandbox.size, ...paymo.sandbox.size },
		rateLimit: { paymo: PAYMO_LIMIT },
	},
	/**
	 * The default run: more executions than one worker takes (concurrency below), so both work.
	 * Two Paymo executions share the rate-limited key without contention worth the name.
	 */
	queue: { kantata: 20, paymo: 2 },
	/** `--contention`: many Return All executions on one rate-limited key at once. */
	contention: { paymo: 20 },
	/** Executions each worker runs at once (`n8n worker --concurrency`). */
	workerConcurrency: 10,
};

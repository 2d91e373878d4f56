'use strict';
// Cases for workflows/ensure.json: on every node, Assign (If Not Assigned) twice, then Unassign
// (If Assigned) twice, for one person/task pair of the sandbox's fixtures. The second of each
// pair must change nothing and send only its lookup.

const assert = require('node:assert/strict');

/** Per node: its label in the workflow, the sandbox vendor, and what the second unassign says. */
const NODES = [
	{ label: 'Kantata OX', vendor: 'kantata', gone: 'not assigned' },
	{ label: 'Smartsheet RM', vendor: 'rm', gone: 'not found' },
	{ label: 'Xurrent', vendor: 'xurrent', gone: 'not found' },
	{ label: 'Paymo', vendor: 'paymo', gone: 'not found' },
];

const cases = {};
for (const { label, vendor, gone } of NODES) {
	cases[`${label}: assign, assign again, unassign, unassign again`] = ({ output, requests }) => {
		const [created] = output(`${label}: Assign`);
		assert.equal(created.action, 'created');
		const [again] = output(`${label}: Assign Again`);
		assert.equal(again.action, 'unchanged');
		assert.equal(again.id, created.id);
		assert.deepEqual(output(`${label}: Unassign`), [{ deleted: true, id: created.id }]);
		const [second] = output(`${label}: Unassign Again`);
		assert.equal(second.deleted, false);
		assert.equal(second.reason, gone);
		// One lookup per run of a node, and a write only where something had to change.
		const methods = requests.filter((r) => r.vendor === vendor).map((r) => r.method);
		assert.deepEqual(methods, ['GET', 'POST', 'GET', 'GET', 'DELETE', 'GET']);
	};
}

cases['Smartsheet RM: the created assignment has the wanted dates, allocation and note'] = ({
	output,
}) => {
	const [created] = output('Smartsheet RM: Assign');
	assert.equal(created.starts_at, '2026-03-02');
	assert.equal(created.ends_at, '2026-03-06');
	assert.equal(created.allocation_mode, 'hours_per_day');
	assert.equal(created.hours_per_day, 4);
	assert.equal(created.note, 'Ensured by the e2e suite');
};

cases['Kantata OX: the unassigned record stays, inactive'] = ({ output, sandbox }) => {
	const [created] = output('Kantata OX: Assign');
	assert.equal(created.estimated_minutes, 120);
	assert.equal(sandbox.state.kantata.assignments.get(created.id).current, false);
};

module.exports = { vendor: 'all', cases };

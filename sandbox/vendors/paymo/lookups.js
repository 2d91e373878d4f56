'use strict';
// Paymo lists the node's pickers call: `GET /users` and `GET /tasks` with `where`
// (sections/filtering.md: `name like …`, `email="…"`, `active=true`), `include=project` on tasks
// (sections/includes.md) and the undocumented 0-based `page` + `page_size` (paymo-org/api #68).
// Choices marked [I] in the README.

const { json, whole } = require('../../lib/http');
const { parseWhere, matchesWhere } = require('./where');

const FIELDS = {
	users: { id: 'number', name: 'text', email: 'text', active: 'text', type: 'text' },
	tasks: { id: 'number', name: 'text', project_id: 'number', complete: 'text' },
};

/** The project a seeded task names by ID: the seed keeps no projects, so one is made up [I]. */
const projectOf = (id) => ({ id, name: `Project ${id}` });

function lookup(ctx, key) {
	const { state, query } = ctx;
	let records = [...state[key].values()];
	if (query.where !== undefined) {
		const { conditions, error } = parseWhere(query.where, FIELDS[key]);
		if (error) return json(400, { message: error });
		records = records.filter((record) => matchesWhere(record, conditions, FIELDS[key]));
	}
	const page = whole(query.page);
	const size = whole(query.page_size);
	if (page !== undefined && size !== undefined && size > 0)
		records = records.slice(page * size, (page + 1) * size);
	const include = String(query.include ?? '')
		.split(',')
		.map((name) => name.trim());
	if (key === 'tasks' && include.includes('project'))
		records = records.map((task) => ({ ...task, project: projectOf(task.project_id) }));
	return json(200, { [key]: records });
}

module.exports = { lookup };

const { TestEnvironment } = require('jest-environment-node');
// nock 15 is ESM-only. Loaded here, outside jest's module registry, it is loaded once per worker
// (Node's require(esm)), so its http patches are not stacked up test file after test file.
const nockModule = require('nock');
const nock = nockModule.default ?? nockModule;

class NockEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.global.nock = nock;
	}
}

module.exports = NockEnvironment;

// The release workflow cannot run here; what can be checked is checked: it parses, runs on a
// version tag with Node 24 and an OIDC token, builds and checks before it publishes, and
// publishes every package build:packages makes, at the one version, with provenance.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const { ROOT, UMBRELLA, VENDORS, packageJson } = require('../../scripts/lib/packages');

const workflow = YAML.parse(
	fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'),
);
const job = workflow.jobs.release;
const runs = job.steps.map((step) => step.run ?? step.uses);
const indexOf = (pattern) => runs.findIndex((run) => pattern.test(run));
const PACKAGES = [UMBRELLA.name, ...VENDORS.map((vendor) => vendor.name)];

test('runs on a version tag, with Node 24 and permission to sign provenance', () => {
	expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
	expect(job.permissions['id-token']).toBe('write');
	const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node'));
	expect(String(setup.with['node-version'])).toBe('24');
	expect(setup.with['registry-url']).toBe('https://registry.npmjs.org');
});

test('publishes each of the five packages once, from its tarball, with provenance', () => {
	const publishes = runs.filter((run) => /npm publish/.test(run));
	expect(publishes).toHaveLength(PACKAGES.length);
	for (const name of PACKAGES) {
		const run = publishes.find((candidate) => candidate.includes(`.packages/${name}-$VERSION.tgz`));
		expect({ name, run }).toEqual({ name, run: expect.stringContaining('--provenance') });
		expect(run).toContain('--access public');
	}
});

test('installs, checks the tag, lints, tests, builds and checks the packages before publishing', () => {
	const order = [
		/^npm ci$/,
		/"v\$VERSION" = "\$GITHUB_REF_NAME"/,
		/^npm run lint$/,
		/^npm run build$/,
		/^npm test\b/,
		/^npm run build:packages\b/,
		/^git diff --exit-code -- packages$/,
		/^node scripts\/check-pack\.js$/,
		/npm publish/,
	].map(indexOf);
	expect(order.every((index) => index >= 0)).toBe(true);
	expect([...order].sort((a, b) => a - b)).toEqual(order);
	// No step publishes before the last check.
	const firstPublish = indexOf(/npm publish/);
	expect(runs.slice(0, firstPublish).some((run) => /publish/.test(run))).toBe(false);
});

test('versions move together: every vendor package takes the umbrella version', () => {
	for (const vendor of VENDORS) expect(packageJson(vendor).version).toBe(UMBRELLA.version);
});

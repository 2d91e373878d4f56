// The per-vendor packages of `npm run build:packages`, built from the compiled dist/ into a
// folder of this test's own and unpacked from their tarballs: each holds its vendor and nothing
// of another, its n8n block lists exactly its files, every file is reached from its entry points,
// and they install side by side (unique node types and credential types).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const { ROOT, UMBRELLA, VENDORS, otherVendorNames } = require('../../scripts/lib/packages');
const { buildPackages, inTarball, readAll } = require('../../scripts/build-packages');

// Inside the project so that the unpacked packages resolve n8n-workflow from its node_modules.
const OUT = path.join(ROOT, '.packages', `.test-${process.pid}`);
const unpacked = {};
let packed;
let cliOutput;

beforeAll(async () => {
	if (!fs.existsSync(path.join(ROOT, UMBRELLA.n8n.nodes[0])))
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	// The command itself, in Node (its scanner lint loads ESLint's ES modules, which jest cannot).
	const cli = spawnSync(
		process.execPath,
		['scripts/build-packages.js', '--no-build', '--out', OUT],
		{
			cwd: ROOT,
			encoding: 'utf8',
		},
	);
	cliOutput = `${cli.stdout}${cli.stderr}exit ${cli.status}`;
	packed = await buildPackages({ build: false, lint: false, outDir: OUT, log: () => {} });
	for (const { vendor, tarball } of packed.filter((result) => result.vendor)) {
		const dir = path.join(OUT, 'unpacked', vendor.name);
		fs.mkdirSync(dir, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
		unpacked[vendor.key] = {
			dir,
			files: readAll(dir),
			pkg: require(path.join(dir, 'package.json')),
		};
	}
}, 120_000);

afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

/** The classes a package's n8n block lists, loaded from the unpacked tarball. */
const load = (dir, entries) =>
	entries.map((entry) => {
		const exports = require(path.join(dir, entry));
		const Class = Object.values(exports).find((value) => typeof value === 'function');
		return new Class();
	});

test('build:packages packs five tarballs that pass the pack check and the scanner lint', () => {
	expect(packed.map(({ name }) => name)).toEqual([UMBRELLA.name, ...VENDORS.map((v) => v.name)]);
	for (const { name, version, problems } of packed) {
		expect({ name, problems }).toEqual({ name, problems: [] });
		expect(version).toBe(UMBRELLA.version);
		expect(cliOutput).toMatch(
			new RegExp(
				`✓ \\S+/${name}-${version}\\.tgz: ${name}, \\d+ files, .*scanner lint \\d+ files 0 errors`,
			),
		);
	}
	expect(cliOutput).not.toContain('✗');
	expect(cliOutput).toMatch(/exit 0$/);
});

describe.each(VENDORS.map((vendor) => [vendor.name, vendor]))('%s', (_name, vendor) => {
	const own = () => unpacked[vendor.key];

	test('names no other vendor in any file (product names, hosts, credential types)', () => {
		expect(Object.keys(own().files).length).toBeGreaterThan(10);
		expect(otherVendorNames(vendor, own().files)).toEqual([]);
	});

	test('its n8n block lists exactly the nodes and credentials in the package', () => {
		const { files, pkg } = own();
		const present = (suffix) =>
			Object.keys(files)
				.filter((file) => file.endsWith(suffix))
				.sort();
		expect([...pkg.n8n.nodes].sort()).toEqual(present('.node.js'));
		expect([...pkg.n8n.credentials].sort()).toEqual(present('.credentials.js'));
		expect(pkg.n8n.nodes.length).toBe(2); // the node and its trigger
		expect(pkg.n8n.nodes.every((file) => file.startsWith(`dist/nodes/${vendor.dir}/`))).toBe(true);
	});

	test('every file is reached from its entry points: no shared file it does not use', () => {
		const { files, pkg } = own();
		const reached = new Set(['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md']);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) reached.add(entry);
		for (const [file, text] of Object.entries(files)) {
			if (!file.endsWith('.js')) continue;
			if (file.endsWith('.node.js')) reached.add(file.replace(/\.js$/, '.json'));
			const refs = [
				...[...text.matchAll(/require\("(\.[^"]+)"\)/g)].map(([, spec]) => spec),
				...[...text.matchAll(/'file:([^']+)'/g)].map(([, icon]) => icon),
			];
			for (const ref of refs) {
				const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref));
				const hit = [target, `${target}.js`, `${target}.json`, `${target}/index.js`].find(
					(candidate) => candidate in files,
				);
				expect({ file, ref, found: Boolean(hit) }).toEqual({ file, ref, found: true });
				reached.add(hit);
			}
		}
		expect(Object.keys(files).filter((file) => !reached.has(file))).toEqual([]);
	});

	test('package.json: the umbrella version and metadata, n8n-workflow as the only peer, no dependencies', () => {
		const { pkg } = own();
		expect(pkg.version).toBe(UMBRELLA.version);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.dependencies).toBeUndefined();
		for (const field of ['license', 'author', 'homepage'])
			expect(pkg[field]).toEqual(UMBRELLA[field]);
		expect(pkg.repository).toEqual({
			...UMBRELLA.repository,
			directory: `packages/${vendor.name}`,
		});
		expect(pkg.keywords).toContain('n8n-community-node-package');
	});

	test("the repository holds its package.json at repository.directory, where n8n's scanner finds its source", () => {
		const { files, pkg } = own();
		const committed = path.join(ROOT, pkg.repository.directory, 'package.json');
		expect(fs.readFileSync(committed, 'utf8')).toBe(files['package.json']);
		execFileSync('git', ['ls-files', '--error-unmatch', committed], { cwd: ROOT, stdio: 'ignore' });
	});

	test('codex files name the node type of this package', () => {
		const { dir, files, pkg } = own();
		const nodes = load(dir, pkg.n8n.nodes);
		for (const [index, entry] of pkg.n8n.nodes.entries()) {
			const codex = JSON.parse(files[entry.replace(/\.js$/, '.json')]);
			expect(codex.node).toBe(`${vendor.name}.${nodes[index].description.name}`);
		}
	});

	test('README and CHANGELOG are generated from the umbrella sections of this vendor', () => {
		const { files } = own();
		expect(files['README.md']).toMatch(new RegExp(`^# ${vendor.name}\\n`));
		expect(files['README.md']).toContain(`npm i ${vendor.name}`);
		for (const heading of ['## Operations', '## Triggers', '## Credentials', '## Compatibility'])
			expect(files['README.md']).toContain(heading);
		expect(files['README.md']).toContain(`### ${vendor.label}`);
		expect(files['CHANGELOG.md']).toContain('## [Unreleased]');
		expect(files['LICENSE.md']).toBe(fs.readFileSync(path.join(ROOT, 'LICENSE.md'), 'utf8'));
	});
});

test('the vendor packages install side by side: node types and credential types are unique', () => {
	const nodeTypes = [];
	const credentialTypes = [];
	for (const { dir, pkg } of Object.values(unpacked)) {
		for (const node of load(dir, pkg.n8n.nodes))
			nodeTypes.push(`${pkg.name}.${node.description.name}`, node.description.displayName);
		for (const credential of load(dir, pkg.n8n.credentials))
			credentialTypes.push(credential.name, credential.displayName);
	}
	expect(nodeTypes.length).toBe(16);
	expect(credentialTypes.length).toBe(12);
	expect(new Set(nodeTypes).size).toBe(nodeTypes.length);
	expect(new Set(credentialTypes).size).toBe(credentialTypes.length);
});

test('the leak check finds another vendor planted in a package', async () => {
	const [paymo, xurrent] = ['paymo', 'xurrent'].map((key) => VENDORS.find((v) => v.key === key));
	const { files } = unpacked.paymo;
	// A credential of another vendor copied in, and a shared file whose text names a host.
	const planted = {
		...files,
		'dist/credentials/XurrentApi.credentials.js':
			unpacked.xurrent.files['dist/credentials/XurrentApi.credentials.js'],
		'dist/nodes/shared/hosts.js': "exports.hosts = ['api.4me.com'];",
	};
	expect(otherVendorNames(paymo, planted)).toEqual(
		expect.arrayContaining([
			expect.stringContaining('dist/credentials/XurrentApi.credentials.js'),
			expect.stringContaining('dist/nodes/shared/hosts.js: "4me" (Xurrent)'),
		]),
	);
	expect(otherVendorNames(xurrent, planted).length).toBeGreaterThan(0); // Paymo in there too
	// The tarball helpers read what was packed, not the folder it was packed from.
	const tarball = packed.find((result) => result.vendor === paymo).tarball;
	expect(Object.keys(await inTarball(tarball, readAll))).toEqual(Object.keys(files));
});

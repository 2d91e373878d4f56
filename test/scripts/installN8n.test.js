// The n8n installer must build sqlite3 whoever calls it. `npm start` and `npm run …` export the
// project's .npmrc (ignore-scripts=true) to their children as npm_config_ignore_scripts; an npm
// command that inherits it builds nothing and still reports success.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
	cleanNpmEnv,
	installSteps,
	proveSqlite,
	runNpmSteps,
} = require('../../scripts/lib/installN8n');

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'install-n8n-test-'));

// The environment `npm start` hands its children: what npm exported from the project's .npmrc.
const npmRunEnv = () => ({
	...process.env,
	npm_config_ignore_scripts: 'true',
	npm_lifecycle_event: 'start',
});

function writePackage(dir, name, files) {
	fs.mkdirSync(dir, { recursive: true });
	for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
}

describe('installing n8n from any caller', () => {
	it('removes every inherited npm setting from the environment of its npm commands', () => {
		const env = cleanNpmEnv({ ...npmRunEnv(), NPM_CONFIG_IGNORE_SCRIPTS: 'true', PATH: '/bin' });
		expect(Object.keys(env).filter((name) => /ignore.scripts/i.test(name))).toEqual([]);
		expect(env.npm_lifecycle_event).toBeUndefined();
		expect(env.PATH).toBe('/bin');
	});

	it('states the script policy of every npm command explicitly', () => {
		for (const step of installSteps())
			expect(step.args.filter((arg) => /^--ignore-scripts=(true|false)$/.test(arg))).toHaveLength(1);
		const build = installSteps().find((step) => step.args[0] === 'rebuild');
		expect(build.args).toEqual(expect.arrayContaining(['sqlite3', '--ignore-scripts=false']));
	});

	it('runs the build script of a native module although the caller says ignore-scripts', async () => {
		// A stand-in for sqlite3: its install script leaves a file behind, as node-gyp leaves the
		// binding. The rebuild step is the installer's own, with only the package name changed.
		const cwd = tmp();
		writePackage(cwd, 'runtime', {
			'package.json': JSON.stringify({ name: 'runtime', private: true, dependencies: { native: '1.0.0' } }),
			'.npmrc': 'ignore-scripts=true\n',
		});
		writePackage(path.join(cwd, 'node_modules', 'native'), 'native', {
			'package.json': JSON.stringify({
				name: 'native',
				version: '1.0.0',
				scripts: { install: 'node -e "require(\'fs\').writeFileSync(\'built\', \'yes\')"' },
			}),
		});
		const rebuild = installSteps().find((step) => step.args[0] === 'rebuild');
		const steps = [{ ...rebuild, args: rebuild.args.map((arg) => (arg === 'sqlite3' ? 'native' : arg)) }];
		const logFile = path.join(cwd, 'install.log');
		await runNpmSteps(steps, { cwd, env: npmRunEnv(), logFile });
		expect(fs.existsSync(path.join(cwd, 'node_modules', 'native', 'built'))).toBe(true);
	});

	describe('proving sqlite3 by loading it', () => {
		const cacheWith = (sqlite3Source) => {
			const cacheDir = tmp();
			writePackage(path.join(cacheDir, 'node_modules', 'n8n'), 'n8n', {
				'package.json': JSON.stringify({ name: 'n8n', version: '2.41.1' }),
			});
			if (sqlite3Source)
				writePackage(path.join(cacheDir, 'node_modules', 'sqlite3'), 'sqlite3', {
					'package.json': JSON.stringify({ name: 'sqlite3', version: '5.1.7', main: 'index.js' }),
					'index.js': sqlite3Source,
				});
			return cacheDir;
		};
		const database = (answer) =>
			`exports.Database = class { get(sql, cb) { cb(null, { answer: ${answer} }); } close(cb) { cb(); } };`;

		it('accepts a binding that opens a database and answers a query', async () => {
			expect((await proveSqlite(cacheWith(database(42)))).ok).toBe(true);
		});

		it('rejects a binding that is missing, fails to load, or answers wrongly', async () => {
			const missing = await proveSqlite(cacheWith());
			expect(missing).toMatchObject({ ok: false, output: expect.stringContaining("Cannot find module 'sqlite3'") });
			const broken = await proveSqlite(cacheWith("throw new Error('invalid ELF header');"));
			expect(broken).toMatchObject({ ok: false, output: expect.stringContaining('invalid ELF header') });
			expect((await proveSqlite(cacheWith(database(7)))).ok).toBe(false);
		});
	});
});

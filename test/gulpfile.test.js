// The gulp task copies every SVG icon into dist/ for plain-tsc and watch builds (which, unlike
// `n8n-node build`, do not copy static files). Run the real task and compare the copies.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const gulpfile = require('../gulpfile');

const svgsUnder = (dir) =>
	fs
		.readdirSync(path.join(root, dir), { recursive: true })
		.filter((file) => file.endsWith('.svg'))
		.map((file) => path.join(dir, file));

test('gulp build:icons copies every icon into dist/ unchanged', async () => {
	const icons = [...svgsUnder('icons'), ...svgsUnder('nodes'), ...svgsUnder('credentials')];
	expect(icons.length).toBeGreaterThanOrEqual(8);
	for (const icon of icons) fs.rmSync(path.join(root, 'dist', icon), { force: true });

	const cwd = process.cwd();
	process.chdir(root);
	try {
		await new Promise((resolve, reject) =>
			gulpfile['build:icons']().on('finish', resolve).on('error', reject),
		);
	} finally {
		process.chdir(cwd);
	}

	for (const icon of icons) {
		const copy = path.join(root, 'dist', icon);
		expect(fs.existsSync(copy)).toBe(true);
		expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(path.join(root, icon)));
	}
});

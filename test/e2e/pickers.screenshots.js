#!/usr/bin/env node
'use strict';
// The pickers in the real editor, in headless Chromium: for each node's Create, switch a field to
// "From list", type a search, screenshot the list, pick the first entry; then, in Kantata OX, pick
// Story and Assignee from the list, execute the step and screenshot its output. Screenshots go to
// docs/pickers/. Run against `npm start` (sandbox credentials, example workflows imported):
//
//   PLAYWRIGHT_CORE=/path/to/node_modules/playwright-core CHROMIUM=/usr/bin/chromium \
//     node test/e2e/pickers.screenshots.js [--url http://localhost:5678]
//
// playwright-core is not a dependency of this package: install it in a scratch folder
// (`npm i playwright-core`) and Chromium from the system (`apt-get install chromium`), as
// toolchain-facts.md describes.

const path = require('node:path');

const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const OUT = path.join(__dirname, '..', '..', 'docs', 'pickers');
const OWNER = {
	emailOrLdapLoginId: process.env.N8N_START_EMAIL || 'owner@sandbox.local',
	password: process.env.N8N_START_PASSWORD || 'Sandbox-n8n-2026',
};

/** Example workflow ID, parameter, search text, screenshot name. */
const pickers = [
	['exampleKantataOx', 'storyId', 'assign', 'kantata-ox-story'],
	['examplePaymo0001', 'userId', 'beatrice', 'paymo-user'],
	['exampleXurrent01', 'assigneeId', 'beatrice', 'xurrent-assignee'],
	['exampleSmartshRM', 'assignableId', 'sandbox', 'smartsheet-rm-assignable'],
];

async function openCreate(page, base, workflowId) {
	await page.goto(`${base}/workflow/${workflowId}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.waitForTimeout(1500);
	await page.locator('[data-test-id="canvas-node"][data-node-name="Create Assignment"]').dblclick();
	await page.waitForSelector('[data-test-id="ndv"]');
	await page.waitForTimeout(1000);
}

/** Switches a locator to From list, types the search and waits for the entries. */
async function search(page, param, text) {
	const locator = page.locator(`[data-test-id="resource-locator-${param}"]`);
	await locator.locator('[data-test-id="rlc-mode-selector"]').click();
	await page.waitForTimeout(400);
	await page.locator('[data-test-id="mode-list"]:visible').first().click();
	await page.waitForTimeout(400);
	await locator.locator('[data-test-id="rlc-input"]').click();
	await page.waitForTimeout(800);
	await page.keyboard.type(text, { delay: 50 });
	await page.waitForTimeout(2500);
	const entries = page.locator('[data-test-id="rlc-item"]:visible');
	const names = await entries.allInnerTexts();
	if (!names.length) throw new Error(`${param}: no entries for "${text}"`);
	return { entries, names };
}

async function main() {
	const urlArg = process.argv.indexOf('--url');
	const base = urlArg > 0 ? process.argv[urlArg + 1] : 'http://localhost:5678';
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox'],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		const login = await page.request.post(`${base}/rest/login`, { data: OWNER });
		if (login.status() !== 200) throw new Error(`sign-in answered ${login.status()}`);
		for (const [workflowId, param, text, name] of pickers) {
			await openCreate(page, base, workflowId);
			const { entries, names } = await search(page, param, text);
			await page.screenshot({ path: path.join(OUT, `${name}-list.png`) });
			await entries.first().click();
			console.log(`  ✓ ${name}: ${names.length} entries for "${text}", picked "${names[0]}"`);
		}
		// A step whose IDs were picked from the lists runs.
		await openCreate(page, base, 'exampleKantataOx');
		for (const [param, text] of [
			['storyId', 'assign me'],
			['assigneeId', 'sandbox admin'],
		]) {
			const { entries } = await search(page, param, text);
			await entries.first().click();
			await page.waitForTimeout(800);
			await page.mouse.click(700, 60); // closes the list
			await page.waitForTimeout(500);
		}
		await page.locator('[data-test-id="node-execute-button"]:visible').first().click();
		await page.waitForTimeout(5000);
		await page.screenshot({ path: path.join(OUT, 'kantata-ox-picked-and-run.png') });
		const output = await page.locator('[data-test-id="ndv"]').innerText();
		if (!output.includes('26100001') || !output.includes('3700001'))
			throw new Error('the step picked from the lists did not output the new assignment');
		console.log('  ✓ kantata-ox: Create with Story and Assignee picked from the lists ran');
	} finally {
		await browser.close();
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});

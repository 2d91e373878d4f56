'use strict';
// The lint leg of n8n's community-package scanner, run on a local package folder.
// `@n8n/scan-community-package` (0.32.0, scanner/scanner.mjs) cannot scan a local tarball: it
// takes a package name, fails without npm provenance, then downloads the published tarball and
// the GitHub source at the attested commit. Its lint is plain ESLint, though: this rebuilds its
// `buildScanConfig()` from the same plugins (as installed with @n8n/node-cli) and lints the
// tarball's `**/*.js` and package.json as its second leg does (`allowInlineConfig: false`:
// disable comments do not count). Only errors fail, as in the scanner.

const { createRequire } = require('node:module');

// The scanner's plugins as `n8n-node lint` gets them: resolved from @n8n/node-cli's folder.
const fromCli = createRequire(require.resolve('@n8n/node-cli/eslint'));
const glob = fromCli('fast-glob');

async function buildScanConfig() {
	const { defineConfig } = require('eslint/config');
	const { n8nCommunityNodesPlugin } = await import(
		require.resolve('@n8n/eslint-plugin-community-nodes')
	);
	const n8nNodesPlugin = fromCli('eslint-plugin-n8n-nodes-base');
	const { parser } = fromCli('typescript-eslint');
	return defineConfig(
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
		{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser } },
		{ files: ['**/*.ts'], languageOptions: { parser } },
	);
}

/**
 * Lints an unpacked package folder like the scanner's tarball leg. Returns
 * { files, errors, warnings, report } (report: ESLint's stylish output, empty when clean).
 */
async function scanLint(packageDir, patterns = ['**/*.js', 'package.json']) {
	const { ESLint } = require('eslint');
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	// Files found first, as the scanner does: a pattern without matches is no error.
	const files = glob.sync(patterns, {
		cwd: packageDir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = files.length ? await eslint.lintFiles(files) : [];
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	const formatter = await eslint.loadFormatter('stylish');
	return { files: results.length, errors, warnings, report: await formatter.format(results) };
}

module.exports = { buildScanConfig, scanLint };

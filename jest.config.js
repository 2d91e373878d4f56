const path = require('node:path');

// n8n-core reads these when it loads: keep its files inside the project, keep it quiet and offline.
process.env.N8N_USER_FOLDER = path.join(__dirname, '.n8n-test');
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) {
	delete process.env[name];
}

/** @type {import('jest').Config} */
module.exports = {
	rootDir: __dirname,
	testEnvironment: '<rootDir>/test/harness/environment.js',
	testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.js', '<rootDir>/sandbox/**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
	setupFilesAfterEnv: ['<rootDir>/test/harness/setup.ts'],
	cacheDirectory: '<rootDir>/.jest-cache',
	testTimeout: 30_000,
};

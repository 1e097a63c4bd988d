/**
 * The queue-mode suite (`npm run test:queue`, scripts/test-queue.sh): n8n main + 2 workers on Redis
 * and PostgreSQL, started once by test/queue/globalSetup.ts. Separate from jest.config.js because it
 * needs Redis and PostgreSQL (installed by the script) and takes several minutes.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }];

module.exports = {
	displayName: 'queue',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
	modulePathIgnorePatterns: ['<rootDir>/.cache/', '<rootDir>/.e2e/', '<rootDir>/dist/'],
	watchPathIgnorePatterns: ['<rootDir>/.cache/'],
	transform: { '^.+\\.ts$': tsJest },
	moduleFileExtensions: ['ts', 'js', 'json'],
	globalSetup: '<rootDir>/test/queue/globalSetup.ts',
	globalTeardown: '<rootDir>/test/queue/globalTeardown.ts',
	setupFilesAfterEnv: ['<rootDir>/test/queue/timeout.ts'],
	slowTestThreshold: 900,
};

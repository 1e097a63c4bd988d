/** Two projects: fast unit + sandbox suites, and the end-to-end suite that drives a real n8n (the queue-mode suite has its own jest.queue.config.js). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }];
const common = { testEnvironment: 'node', modulePathIgnorePatterns: ['<rootDir>/.cache/', '<rootDir>/.e2e/', '<rootDir>/dist/'], watchPathIgnorePatterns: ['<rootDir>/.cache/'], transform: { '^.+\\.ts$': tsJest }, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['<rootDir>/test/e2e/', '<rootDir>/test/queue/'], setupFilesAfterEnv: ['<rootDir>/test/setupTimeout.ts', '<rootDir>/test/sandboxChecks.ts'] },
		{
			...common,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
			slowTestThreshold: 600,
			setupFilesAfterEnv: ['<rootDir>/test/e2e/timeout.ts'],
		},
	],
};

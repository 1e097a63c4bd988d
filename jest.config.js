/** Two projects: fast unit + sandbox suites, and the end-to-end suite that drives a real n8n (the queue-mode suite has its own jest.queue.config.js). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }];
const common = { testEnvironment: 'node', modulePathIgnorePatterns: ['<rootDir>/.cache/', '<rootDir>/.e2e/', '<rootDir>/dist/'], watchPathIgnorePatterns: ['<rootDir>/.cache/'], transform: { '^.+\\.ts$': tsJest }, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
	// Test files run in a worker that is replaced once it holds more than this after a file (n8n-core,
	// nock and the generated API catalog leave memory behind per file). Without it jest runs a 2-core
	// machine's files in its own process (one worker = in band), and the unit project's ~110 files
	// filled its 4 GB heap: "JavaScript heap out of memory" after ~8 min. Still one file at a time
	// there, so timing-sensitive suites see the same machine. --runInBand (the e2e project) ignores it.
	workerIdleMemoryLimit: '1536MB',
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['<rootDir>/test/e2e/', '<rootDir>/test/queue/'], setupFilesAfterEnv: ['<rootDir>/test/nockPerFile.ts', '<rootDir>/test/setupTimeout.ts', '<rootDir>/test/setupRegex.ts', '<rootDir>/test/sandboxChecks.ts'] },
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

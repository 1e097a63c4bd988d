/**
 * test/nockPerFile.ts (a setup file of the unit project) takes each file's nock interceptor off
 * when the file ends. Proven the way it matters: a child jest runs two files in one process; each
 * checks that Node's `http` is unpatched when it starts, then loads nock. Without the setup file
 * the second file finds the first one's interceptor still in place.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

function runFixtures(setupFiles: string[]): { status: number | null; output: string } {
	const config = {
		rootDir: root,
		testEnvironment: 'node',
		testMatch: ['<rootDir>/test/nockPerFile/*.fixture.ts'],
		transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }] },
		setupFilesAfterEnv: setupFiles.map((f) => `<rootDir>/${f}`),
	};
	const jest = require.resolve('jest/bin/jest');
	const run = spawnSync(process.execPath, [jest, '--ci', '--runInBand', '--config', JSON.stringify(config)], { cwd: root, encoding: 'utf8', timeout: 120_000 });
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

jest.setTimeout(180_000);

it("without it, the second file in a worker starts with the first file's interceptor", () => {
	const run = runFixtures([]);
	expect(run.output).toMatch(/Tests:\s+1 failed, 1 passed, 2 total/);
	expect(run.status).toBe(1);
});

it("with it, every file starts from Node's own http", () => {
	const run = runFixtures(['test/nockPerFile.ts']);
	expect(run.output).toMatch(/Tests:\s+2 passed, 2 total/);
	expect(run.status).toBe(0);
});

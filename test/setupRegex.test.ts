import { NodeHelpers, safeRegex } from 'n8n-workflow';

// Installed by jest.config.js's setupFilesAfterEnv (test/setupRegex.ts); not imported here on purpose.
const usage = (globalThis as { procoreTestRegexEngine?: { calls: number; timeoutMs: number } }).procoreTestRegexEngine!;

describe('unit-test regular expression engine (test/setupRegex.ts)', () => {
	it("is the engine n8n-workflow's parameter checks run on, with a limit above n8n's 250 ms", () => {
		expect(usage).toBeDefined();
		expect(usage.timeoutMs).toBeGreaterThan(250);
		const before = usage.calls;
		expect(safeRegex.test('^[0-9]+$', '4264918')).toBe(true);
		expect(safeRegex.exec('(\\d+)-(\\d+)', 'a 12-34 b')?.slice(1)).toEqual(['12', '34']);
		expect(safeRegex.replace('a', 'banana', 'g', 'o')).toBe('bonono');
		expect(safeRegex.matchAll('\\d', 'a1b2').map((m) => m[0])).toEqual(['1', '2']);
		expect(safeRegex.split(',\\s*', 'a, b,c')).toEqual(['a', 'b', 'c']);
		expect(usage.calls - before).toBe(5);
	});

	it('serves resource locator validation (where a loaded machine hit the 250 ms limit)', () => {
		const before = usage.calls;
		const property = {
			displayName: 'Project',
			name: 'projectId',
			type: 'resourceLocator' as const,
			default: { mode: 'id', value: '' },
			modes: [{ displayName: 'ID', name: 'id', type: 'string' as const, validation: [{ type: 'regex' as const, properties: { regex: '[0-9]+', errorMessage: 'Not a number' } }] }],
		};
		const node = { id: '1', name: 'Procore', type: 'x.procore', typeVersion: 1, position: [0, 0] as [number, number], parameters: { projectId: { __rl: true, mode: 'id', value: 'abc' } } };
		const issues = NodeHelpers.getNodeParametersIssues([property], node as never, null);
		expect(issues?.parameters?.projectId).toEqual(['Not a number']);
		expect(usage.calls).toBeGreaterThan(before);
	});
});

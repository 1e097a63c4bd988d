/**
 * n8n-workflow runs the regular expressions of parameter checks (resource locator `validation`,
 * `displayOptions` regex conditions) in a `vm` script with a 250 ms wall-clock limit, against
 * catastrophic patterns. On a loaded 2-core CI machine a garbage-collection pause inside that script
 * is enough to pass 250 ms, and a correct test then fails with "Regular expression execution timed
 * out" (seen in the fault suite and insurance.sandbox). The unit project installs the same engine with
 * a 10 s limit: still protected against a runaway pattern, not against a busy machine. Real n8n (the
 * e2e project) keeps its own engine. test/setupRegex.test.ts checks it is in place.
 */
import * as vm from 'vm';
import { setSafeRegexEngine } from 'n8n-workflow';

export const REGEX_TIMEOUT_MS = 10_000;
/** How many expressions this engine ran in the current test file (proves it is the one n8n-workflow uses). */
export const usage = { calls: 0, timeoutMs: REGEX_TIMEOUT_MS };
// Read by test/setupRegex.test.ts without importing this file, so the test fails if jest.config.js drops it.
Object.assign(globalThis, { procoreTestRegexEngine: usage });

type Op = 'exec' | 'test' | 'replace' | 'matchAll' | 'split';
const context = vm.createContext({ pattern: '', flags: '', input: '', replacement: '', result: undefined as unknown });
const scripts: Record<Op, vm.Script> = {
	exec: new vm.Script('result = new RegExp(pattern, flags).exec(input)'),
	test: new vm.Script('result = new RegExp(pattern, flags).test(input)'),
	replace: new vm.Script('result = input.replace(new RegExp(pattern, flags), replacement)'),
	matchAll: new vm.Script('result = Array.from(input.matchAll(new RegExp(pattern, flags)))'),
	split: new vm.Script('result = input.split(new RegExp(pattern, flags))'),
};

function run(op: Op, pattern: string, input: string, flags = '', replacement = ''): never {
	usage.calls++;
	Object.assign(context, { pattern, input, flags, replacement, result: undefined });
	try {
		scripts[op].runInContext(context, { timeout: REGEX_TIMEOUT_MS });
	} catch (error) {
		if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new Error('Regular expression execution timed out');
		throw error;
	}
	return context.result as never;
}

setSafeRegexEngine({
	exec: (pattern, input, flags) => run('exec', pattern, input, flags),
	test: (pattern, input, flags) => run('test', pattern, input, flags),
	replace: (pattern, input, flags, replacement) => run('replace', pattern, input, flags, replacement),
	matchAll: (pattern, input, flags) => run('matchAll', pattern, input, flags?.includes('g') ? flags : `${flags ?? ''}g`),
	split: (pattern, input, flags) => run('split', pattern, input, flags),
});

/**
 * Every response a sandbox sends during a unit test for an operation on the nodes' paths
 * (test/helpers/nodeOperations.ts) is checked against that operation's 2xx schema (status and
 * body, sandbox/engine/response-check.ts); requests are checked against the request schema by the
 * sandbox itself (the 422 / 400 a node sees). A mismatch fails the test that caused it, naming the
 * operation and the field.
 */
import { runningSandboxes, setStartDefaults } from '../sandbox';
import { nodeOperations } from './helpers/nodeOperations';

setStartDefaults({ checkResponses: nodeOperations().map((o) => o.operationId) });

afterEach(() => {
	const problems = runningSandboxes().flatMap((sb) => sb.responseProblems.splice(0));
	if (problems.length)
		throw new Error(
			`The sandbox sent ${problems.length} response(s) that do not match Procore's 2xx schema:\n${problems.slice(0, 20).join('\n')}`,
		);
});

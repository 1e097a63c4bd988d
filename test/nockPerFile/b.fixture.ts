/** Run by test/nockPerFile.test.ts in a child jest, twice in one worker: the second run sees what the first left. */
import * as http from 'http';
import * as https from 'https';
import { types } from 'util';

it("starts from Node's own http, then nock patches it", () => {
	expect([http.request, http.get, https.request, https.get].filter((fn) => types.isProxy(fn))).toHaveLength(0);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require('nock');
	expect(types.isProxy(http.request)).toBe(true);
});

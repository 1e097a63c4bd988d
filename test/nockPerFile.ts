/**
 * Jest gives every test file its own copy of nock (one module registry per file), but importing nock
 * patches Node's `http` / `https` modules, which all files in a worker process share, and nothing
 * undid it: the next file's nock wrapped the previous one's, so a request in a worker's 20th file
 * went through 20 interceptors. Each of them is a mock socket whose two HTTP parsers
 * @mswjs/interceptors 0.39 (nock 14's engine) frees but never closes, which keeps the socket, the
 * request and its buffers alive until the worker exits: the fault suite, run after other files in a
 * worker, grew it to ~8.5 GB. Each file now takes its own interceptor off when it ends, so the next
 * file starts from Node's own `http` (and its nock from nock's defaults).
 */
import * as http from 'http';
import * as https from 'https';

const patchable = () => [http.request, http.get, http.ClientRequest, https.request, https.get];
const original = patchable();
const patched = () => patchable().some((fn, k) => fn !== original[k]);

afterAll(() => {
	if (!patched()) return;
	// Only a file that loaded nock gets here, so this is the copy that patched `http`.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const nock = require('nock') as typeof import('nock');
	if (nock.isActive()) nock.restore();
	if (patched()) throw new Error('http/https are still patched after nock.restore(): something else intercepts requests');
});

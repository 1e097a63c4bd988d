import { createHash } from 'crypto';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Where the e2e run keeps its n8n and state (PROCORE_E2E_DIR overrides). Outside the checkout, as
 * ~/.n8n/nodes is on a user's machine: under it, Node's module lookup from the installed package
 * walks up into this repository's own node_modules and finds its n8n-workflow before n8n's (the
 * compatibility suite's n8n 1.x would then run the package against 2.x's copy). One folder per
 * checkout, so several checkouts can run at once.
 */
export const E2E_DIR =
	process.env.PROCORE_E2E_DIR ?? path.join(os.tmpdir(), `n8n-nodes-procore-e2e-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
/** Written by globalSetup, read by every e2e file (they run in other module registries). */
export const STATE_FILE = path.join(E2E_DIR, 'state.json');

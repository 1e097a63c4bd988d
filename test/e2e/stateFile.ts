import path from 'path';

/** Where the e2e run keeps its n8n and state (PROCORE_E2E_DIR lets several checkouts run at once). */
export const E2E_DIR = process.env.PROCORE_E2E_DIR ?? path.resolve(__dirname, '../../.cache/e2e');
/** Written by globalSetup, read by every e2e file (they run in other module registries). */
export const STATE_FILE = path.join(E2E_DIR, 'state.json');

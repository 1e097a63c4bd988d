import path from 'path';

/** Where the queue-mode run keeps its n8n, logs and state (per checkout; PROCORE_QUEUE_DIR overrides). */
export const QUEUE_DIR = process.env.PROCORE_QUEUE_DIR ?? path.resolve(__dirname, '../../.e2e/queue');
/** Written by globalSetup, read by the test files (they run in other module registries). */
export const STATE_FILE = path.join(QUEUE_DIR, 'state.json');

import path from 'path';

/** Written by globalSetup, read by every e2e file (they run in other module registries). */
export const STATE_FILE = path.resolve(__dirname, '../../.cache/e2e/state.json');

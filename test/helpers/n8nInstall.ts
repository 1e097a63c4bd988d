import { execFileSync } from 'child_process';
import { createRequire } from 'module';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/** The pinned n8n install (provisioned on first use by scripts/provision-n8n.sh, idempotent). */
export function n8nInstallDir(): string {
	const out = execFileSync('bash', [path.join(ROOT, 'scripts/node24.sh'), 'bash', path.join(ROOT, 'scripts/provision-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return out.trim().split('\n').pop()!;
}

/** A module from the pinned n8n's own dist, e.g. `n8n/dist/tool-generation/ai-tools`. */
export function requireFromN8n<T>(modulePath: string): T {
	// Resolved from n8n's own install, so it loads n8n's copies of its dependencies.
	return createRequire(__filename)(path.join(n8nInstallDir(), 'node_modules', modulePath)) as T;
}

/**
 * `npm run demo` (scripts/demo.sh) from start to Ctrl-C: it reaches a running n8n where the
 * owner can log in and sees every template, and Ctrl-C leaves nothing listening.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { freePort } from '../../scripts/lib/n8n';
import { eventually } from './env';

const ROOT = path.resolve(__dirname, '../..');

async function answers(url: string): Promise<boolean> {
	try {
		await fetch(url);
		return true;
	} catch {
		return false;
	}
}

describe('npm run demo', () => {
	it('starts n8n with the templates, lets the owner in, and stops cleanly on Ctrl-C', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'procore-demo-'));
		const logFile = path.join(folder, 'demo.log');
		const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
		const out = fs.openSync(logFile, 'w');
		const env: NodeJS.ProcessEnv = { ...process.env, DEMO_N8N_PORT: String(n8nPort), DEMO_SANDBOX_PORT: String(sandboxPort), DEMO_USER_FOLDER: path.join(folder, 'n8n') };
		delete env.NODE_ENV;
		const demo = spawn('bash', [path.join(ROOT, 'scripts/demo.sh')], { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
		fs.closeSync(out);
		const log = () => fs.readFileSync(logFile, 'utf8');
		try {
			await eventually(async () => log().includes('DEMO_READY') || demo.exitCode !== null, { timeoutMs: 300_000, what: 'the demo to be ready' });
			expect(log()).toContain(`DEMO_READY http://127.0.0.1:${n8nPort}`);
			const email = /login:\s+(\S+) \/ (\S+)/.exec(log())!;
			const login = await fetch(`http://127.0.0.1:${n8nPort}/rest/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'browser-id': 'demo-test' },
				body: JSON.stringify({ emailOrLdapLoginId: email[1], password: email[2] }),
			});
			expect(login.status).toBe(200);
			const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
			const list = await fetch(`http://127.0.0.1:${n8nPort}/rest/workflows`, { headers: { cookie, 'browser-id': 'demo-test' } });
			const names = ((await list.json()) as { data: Array<{ name: string }> }).data.map((w) => w.name).sort();
			const templates = fs
				.readdirSync(path.join(ROOT, 'workflows'))
				.filter((f) => f.endsWith('.json'))
				.map((f) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', f), 'utf8')) as { name: string }).name)
				.sort();
			expect(names).toEqual(templates);
		} finally {
			const exited = new Promise((r) => demo.once('exit', r));
			process.kill(-demo.pid!, 'SIGINT');
			await exited;
		}
		expect(await answers(`http://127.0.0.1:${n8nPort}/healthz`)).toBe(false);
		expect(await answers(`http://127.0.0.1:${sandboxPort}/_sandbox/state`)).toBe(false);
		expect(log()).toContain('Stopping n8n and the sandbox');
		fs.rmSync(folder, { recursive: true, force: true });
	});
});

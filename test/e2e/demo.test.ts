/**
 * `npm run demo` (scripts/demo.sh) from start to stop: it reaches a running n8n where the owner can
 * log in and sees every template, and SIGINT (Ctrl-C) to its process group, or SIGTERM to its main
 * process alone (a container stop, a supervisor), leaves no process and no listening port behind,
 * n8n's included (n8n runs in a process group of its own, which no signal to the demo reaches).
 */
import { spawn, type ChildProcess } from 'child_process';
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

/** Processes working in `folder` (n8n and its task runners start there). */
function processesIn(folder: string): number[] {
	return fs
		.readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.filter((pid) => {
			try {
				return fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(folder);
			} catch {
				return false; // gone, or not ours to read
			}
		})
		.map(Number);
}

function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

interface Demo {
	process: ChildProcess;
	folder: string;
	n8nPort: number;
	sandboxPort: number;
	log(): string;
}

async function startDemo(): Promise<Demo> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'procore-demo-'));
	const logFile = path.join(folder, 'demo.log');
	const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
	const out = fs.openSync(logFile, 'w');
	const env: NodeJS.ProcessEnv = { ...process.env, DEMO_N8N_PORT: String(n8nPort), DEMO_SANDBOX_PORT: String(sandboxPort), DEMO_USER_FOLDER: path.join(folder, 'n8n') };
	delete env.NODE_ENV;
	// As a user starts it, in a process group of its own as a shell gives a command: npm forwards a
	// SIGTERM to its child besides the one the group gets.
	const child = spawn('npm', ['run', '--silent', 'demo'], { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	const demo = { process: child, folder, n8nPort, sandboxPort, log: () => fs.readFileSync(logFile, 'utf8') };
	await eventually(async () => demo.log().includes('DEMO_READY') || child.exitCode !== null, { timeoutMs: 300_000, what: 'the demo to be ready' });
	expect(demo.log()).toContain(`DEMO_READY http://127.0.0.1:${n8nPort}`);
	return demo;
}

/**
 * Sends `signal` to the demo's process group, or to its main process alone (`npm`, as a container
 * stop or a supervisor does); resolves once nothing of it is left.
 */
async function stopDemo(demo: Demo, signal: NodeJS.Signals, to: 'group' | 'main'): Promise<void> {
	const n8nProcesses = processesIn(demo.folder);
	expect(n8nProcesses.length).toBeGreaterThan(0);
	const exited = new Promise((r) => demo.process.once('exit', r));
	process.kill(to === 'group' ? -demo.process.pid! : demo.process.pid!, signal);
	await exited;
	// The demo's exit waits for n8n's; a moment for the kernel to reap the last runners.
	await eventually(async () => !groupAlive(demo.process.pid!) && processesIn(demo.folder).length === 0, {
		timeoutMs: 60_000,
		what: `no process of the demo left after ${signal} (left: ${processesIn(demo.folder).join(', ')})`,
	}).catch((error: Error) => {
		for (const pid of processesIn(demo.folder)) process.kill(pid, 'SIGKILL');
		throw error;
	});
	expect(await answers(`http://127.0.0.1:${demo.n8nPort}/healthz`)).toBe(false);
	expect(await answers(`http://127.0.0.1:${demo.sandboxPort}/_sandbox/state`)).toBe(false);
	expect(demo.log()).toContain('Stopping n8n and the sandbox');
	fs.rmSync(demo.folder, { recursive: true, force: true });
}

describe('npm run demo', () => {
	it('starts n8n with the templates, lets the owner in, and stops everything on SIGINT to its process group (Ctrl-C)', async () => {
		const demo = await startDemo();
		try {
			const email = /login:\s+(\S+) \/ (\S+)/.exec(demo.log())!;
			const login = await fetch(`http://127.0.0.1:${demo.n8nPort}/rest/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'browser-id': 'demo-test' },
				body: JSON.stringify({ emailOrLdapLoginId: email[1], password: email[2] }),
			});
			expect(login.status).toBe(200);
			const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
			const list = await fetch(`http://127.0.0.1:${demo.n8nPort}/rest/workflows`, { headers: { cookie, 'browser-id': 'demo-test' } });
			const names = ((await list.json()) as { data: Array<{ name: string }> }).data.map((w) => w.name).sort();
			const templates = fs
				.readdirSync(path.join(ROOT, 'workflows'))
				.filter((f) => f.endsWith('.json'))
				.map((f) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', f), 'utf8')) as { name: string }).name)
				.sort();
			expect(names).toEqual(templates);
		} finally {
			await stopDemo(demo, 'SIGINT', 'group');
		}
	});

	// A SIGTERM to the whole group (`timeout`, a terminal's job control) reaches every process as
	// SIGINT does above. The harder case is the one the main process alone receives.
	it('stops everything on SIGTERM to its main process alone (a container stop, a supervisor)', async () => {
		await stopDemo(await startDemo(), 'SIGTERM', 'main');
	});
});

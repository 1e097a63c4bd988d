/**
 * Redis and PostgreSQL for n8n's queue mode, started as child processes of the caller (no system
 * service, nothing left behind): Debian's `redis-server` and `postgresql` packages, installed by
 * scripts/test-queue.sh. Each gets a free port and a private directory that stop() removes.
 *
 * PostgreSQL refuses to run as root, so as root initdb and postgres run as the `postgres` user the
 * Debian package creates (through `setpriv`, which execs: the child's pid is postgres itself).
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

import { freePort } from './n8n';

export interface Service {
	port: number;
	process: ChildProcess;
	logFile: string;
	stop(): Promise<void>;
}

function which(binary: string, extraDirs: string[] = []): string | undefined {
	for (const dir of [...(process.env.PATH ?? '').split(':'), ...extraDirs]) {
		const candidate = path.join(dir, binary);
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Debian keeps the PostgreSQL server binaries off PATH, in /usr/lib/postgresql/<major>/bin. */
function postgresBinDir(): string {
	const onPath = which('postgres');
	if (onPath && which('initdb')) return path.dirname(fs.realpathSync(onPath));
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'bin/postgres'))) : [];
	majors.sort((a, b) => Number(b) - Number(a));
	if (!majors.length) {
		throw new Error('PostgreSQL server binaries not found (no postgres on PATH, nothing in /usr/lib/postgresql/*/bin): apt-get install -y postgresql');
	}
	return path.join(root, majors[0], 'bin');
}

async function waitForPort(port: number, child: ChildProcess, what: string, logFile: string, timeoutMs = 60_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before listening:\n${tail(logFile)}`);
		}
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${what} did not listen on ${port} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

function tail(file: string): string {
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-3000) : '';
}

function stopper(child: ChildProcess, signal: NodeJS.Signals, cleanup: () => void): () => Promise<void> {
	return async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill(signal);
			const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(killer);
		}
		cleanup();
	};
}

/** `redis-server` on a free port, in memory only (`--save ''`, no append-only file). */
export async function startRedis(options: { dir: string }): Promise<Service> {
	const bin = which('redis-server', ['/usr/bin', '/usr/sbin']);
	if (!bin) throw new Error('redis-server not found: apt-get install -y redis-server');
	fs.mkdirSync(options.dir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(options.dir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		bin,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', options.dir],
		{ stdio: ['ignore', out, out] },
	);
	fs.closeSync(out);
	const stop = stopper(child, 'SIGTERM', () => undefined);
	try {
		await waitForPort(port, child, 'redis-server', logFile);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, process: child, logFile, stop };
}

export interface Postgres extends Service {
	user: string;
	database: string;
	dataDir: string;
}

/**
 * A throw-away PostgreSQL cluster: `initdb` into a fresh directory under `parentDir` (trust auth,
 * user `n8n`), then `postgres -D … -p <free> -k <socket dir>` listening on 127.0.0.1. Durability is
 * switched off (fsync, synchronous commit): a test cluster, deleted by stop().
 */
export async function startPostgres(options: { parentDir: string }): Promise<Postgres> {
	const binDir = postgresBinDir();
	fs.mkdirSync(options.parentDir, { recursive: true });
	const base = fs.mkdtempSync(path.join(options.parentDir, 'pg-'));
	const dataDir = path.join(base, 'data');
	const socketDir = path.join(base, 'sock');
	fs.mkdirSync(socketDir);
	const logFile = path.join(base, 'postgres.log');
	fs.writeFileSync(logFile, '');
	// As root: run as the postgres user (which must reach and own the directory).
	let prefix: string[] = [];
	if (process.getuid?.() === 0) {
		let ids: { uid: number; gid: number };
		try {
			const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
			ids = { uid, gid };
		} catch {
			throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as (the Debian postgresql package creates it)');
		}
		for (const p of [base, socketDir, logFile]) fs.chownSync(p, ids.uid, ids.gid);
		const setpriv = which('setpriv', ['/usr/bin', '/bin']);
		if (!setpriv) throw new Error('running as root needs setpriv (util-linux) to start PostgreSQL as the postgres user');
		prefix = [setpriv, `--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--init-groups', '--'];
	}
	const run = (binary: string, args: string[]): [string, string[]] =>
		prefix.length ? [prefix[0], [...prefix.slice(1), path.join(binDir, binary), ...args]] : [path.join(binDir, binary), args];

	const [initCmd, initArgs] = run('initdb', ['-D', dataDir, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
	try {
		execFileSync(initCmd, initArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() });
	} catch (error) {
		const e = error as { stderr?: Buffer; stdout?: Buffer };
		throw new Error(`initdb failed (${path.join(binDir, 'initdb')} -D ${dataDir}):\n${e.stderr?.toString() ?? ''}${e.stdout?.toString() ?? ''}`);
	}
	const port = await freePort();
	const [pgCmd, pgArgs] = run('postgres', [
		'-D', dataDir, '-p', String(port), '-k', socketDir, '-h', '127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100',
	]);
	const out = fs.openSync(logFile, 'a');
	const child = spawn(pgCmd, pgArgs, { stdio: ['ignore', out, out], cwd: os.tmpdir() });
	fs.closeSync(out);
	// SIGINT = PostgreSQL's "fast shutdown".
	const stop = stopper(child, 'SIGINT', () => fs.rmSync(base, { recursive: true, force: true }));
	try {
		await waitForPort(port, child, 'postgres', logFile);
		// Listening is not accepting: wait until the cluster has finished starting up.
		const until = Date.now() + 60_000;
		for (;;) {
			try {
				execFileSync(path.join(binDir, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'n8n'], { stdio: 'ignore' });
				break;
			} catch {
				if (Date.now() > until) throw new Error(`postgres on ${port} not ready within 60 s:\n${tail(logFile)}`);
				await new Promise((r) => setTimeout(r, 200));
			}
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, process: child, logFile, stop, user: 'n8n', database: 'postgres', dataDir };
}

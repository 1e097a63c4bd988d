/**
 * Child process for bench/upload-1gb.ts and bench/upload-memory.ts: runs a sandbox, reports its
 * own memory on request, and makes a generated file in the project's Documents (`file`), so the
 * process being measured never holds those bytes.
 */
import * as fs from 'fs';
import { startSandbox } from '../sandbox';
import { generated, sha256Of, uploadFile } from './lib/files';

function vmHwmBytes(): number {
	const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
	return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

void (async () => {
	const sb = await startSandbox({ port: 0 });
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	process.on('message', (msg: { cmd: string; bytes?: number }) => {
		if (msg.cmd === 'file') {
			const bytes = msg.bytes ?? 0;
			const target = { url: sb.url, companyId: sb.companyId, project: sb.seed.projects.tower, token: sb.issueToken() };
			void sha256Of(generated(bytes))
				.then(async (digest) => ({ digest, ...(await uploadFile(target, 'generated.bin', bytes, digest, () => generated(bytes))) }))
				.then((made) => process.send?.(made));
		}
		if (msg.cmd === 'memory')
			process.send?.({ rss: process.memoryUsage().rss, sampledPeak: peak, vmHwm: vmHwmBytes() });
		if (msg.cmd === 'token') process.send?.({ token: sb.issueToken() });
		if (msg.cmd === 'stop') {
			clearInterval(timer);
			void sb.stop().then(() => process.exit(0));
		}
	});
	process.send?.({
		url: sb.url,
		port: sb.port,
		companyId: sb.companyId,
		project: sb.seed.projects.tower,
		rss: process.memoryUsage().rss,
		vmHwm: vmHwmBytes(),
	});
})();

/** Child process for bench/upload-1gb.ts: runs a sandbox and reports its own memory on request. */
import * as fs from 'fs';
import { startSandbox } from '../sandbox';

function vmHwmBytes(): number {
	const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
	return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

void (async () => {
	const sb = await startSandbox({ port: 0 });
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	process.on('message', (msg: { cmd: string }) => {
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

/**
 * `npm run sandbox -- --port 4010 --rate-limit doc-example` runs the sandbox until Ctrl-C.
 * Flags mirror the programmatic options; see --help.
 */
import { RATE_LIMIT_PRESETS, startSandbox, type StartOptions } from './index';
import type { FaultRule } from './config';

const HELP = `Procore sandbox: a local Procore REST API, login host and storage host.

Usage: npm run sandbox -- [flags]

  --port <n>                 port to listen on (127.0.0.1; default 4010, 0 = any free port)
  --rate-limit <preset|off>  ${Object.keys(RATE_LIMIT_PRESETS).join(' | ')} | off (default generous: headers on every response, limits no run reaches)
  --hourly <n> --spike <n>   custom rate limits (spike window 10 s)
  --no-retry-after           429 responses without Retry-After (UNCONFIRMED point)
  --token-ttl <s>            access-token lifetime in seconds (default 5400)
  --per-page-default <n>     v1 default per_page (default 100)
  --per-page-max <n>         v1 maximum per_page (default 1000)
  --timesheets-max <n>       cap of POST /rest/v1.0/companies/{id}/timesheets (default 1000)
  --fault <kind:rate>        inject faults: 503:0.1, drop:0.05, slow:0.2 (repeatable)
  --fault-path <pattern>     only inject faults on paths matching this
  --fault-seed <n>           PRNG seed for faults (default 42)
  --duplicates <0..1>        fraction of webhook events delivered twice
  --webhook-concurrency <n>  webhook deliveries in flight per destination (default 1, in order)
  --time-scale <x>           webhook back-off time scale (default 1)
  --projects <n>             extra generated projects in the seed
  --auto-approve             /oauth/authorize redirects at once (no Approve click)
  --help                     this text

Seeded OAuth apps: sandbox-client-id / sandbox-client-secret (authorization code),
sandbox-dmsa-client / sandbox-dmsa-secret (client credentials). Control API under /_sandbox/.`;

function parse(argv: string[]): StartOptions {
	const opts: StartOptions = { port: 4010 };
	const faults: FaultRule[] = [];
	let faultPath: string | undefined;
	const custom: { hourly?: number; spike?: number } = {};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const next = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		switch (flag) {
			case '--help':
			case '-h':
				console.log(HELP);
				process.exit(0);
				break;
			case '--port':
				opts.port = Number(next());
				break;
			case '--rate-limit':
				opts.rateLimit = next();
				break;
			case '--hourly':
				custom.hourly = Number(next());
				break;
			case '--spike':
				custom.spike = Number(next());
				break;
			case '--no-retry-after':
				opts.rateLimit = {
					...(typeof opts.rateLimit === 'object'
						? opts.rateLimit
						: RATE_LIMIT_PRESETS['doc-example']),
					retryAfterOn429: false,
				};
				break;
			case '--token-ttl':
				opts.tokenTtlSeconds = Number(next());
				break;
			case '--per-page-default':
				opts.v1DefaultPerPage = Number(next());
				break;
			case '--per-page-max':
				opts.v1MaxPerPage = Number(next());
				break;
			case '--timesheets-max':
				opts.timesheetsBulkMax = Number(next());
				break;
			case '--fault': {
				const [kind, rate] = next().split(':');
				if (!['503', 'drop', 'slow'].includes(kind)) throw new Error(`unknown fault kind ${kind}`);
				faults.push({
					kind: kind as FaultRule['kind'],
					rate: Number(rate ?? 0.1),
					delayMs: 2000,
					retryAfterSeconds: 2,
				});
				break;
			}
			case '--auto-approve':
				opts.oauthAutoApprove = true;
				break;
			case '--fault-path':
				faultPath = next();
				break;
			case '--fault-seed':
				opts.faultSeed = Number(next());
				break;
			case '--duplicates':
				opts.duplicateDeliveries = Number(next());
				break;
			case '--webhook-concurrency':
				opts.webhookConcurrency = Number(next());
				break;
			case '--time-scale':
				opts.webhookTimeScale = Number(next());
				break;
			case '--projects':
				opts.seed = { projects: Number(next()) };
				break;
			default:
				throw new Error(`unknown flag ${flag} (see --help)`);
		}
	}
	if (custom.hourly !== undefined || custom.spike !== undefined)
		opts.rateLimit = { ...RATE_LIMIT_PRESETS['doc-example'], ...custom };
	if (faults.length) opts.faults = faults.map((f) => ({ ...f, pathPattern: faultPath }));
	return opts;
}

async function main(): Promise<void> {
	let options: StartOptions;
	try {
		options = parse(process.argv.slice(2));
	} catch (e) {
		console.error((e as Error).message);
		process.exit(2);
	}
	const sb = await startSandbox(options);
	console.log(`Procore sandbox listening on ${sb.url} (storage host http://localhost:${sb.port})`);
	console.log(
		`company ${sb.companyId}; projects ${JSON.stringify({ tower: sb.seed.projects.tower, hospital: sb.seed.projects.hospital })}`,
	);
	console.log(
		'OAuth: /oauth/authorize, /oauth/token (client sandbox-client-id); control API: /_sandbox/{reset,seed,config,ui-edit,state,calls,deliveries}',
	);
	const stop = () => void sb.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();

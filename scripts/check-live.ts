/**
 * `npm run check:live [-- --credential <n8n export.json>] [--project <id>]`: runs the live check
 * (scripts/lib/liveCheck.ts) with the built node against a Procore developer or monthly sandbox.
 *
 * The credential comes from an n8n credential export (`n8n export:credentials --all --decrypted
 * --output=creds.json`; the first `procoreOAuth2Api` entry, or `--credential-name <name>`), or from
 * environment variables:
 *   PROCORE_ENVIRONMENT     developerSandbox | monthlySandbox | custom (production is refused)
 *   PROCORE_CLIENT_ID, PROCORE_CLIENT_SECRET, PROCORE_COMPANY_ID
 *   PROCORE_GRANT_TYPE      authorizationCode (default: needs PROCORE_ACCESS_TOKEN, optionally
 *                           PROCORE_REFRESH_TOKEN) or clientCredentials (a DMSA; no token needed)
 *   PROCORE_API_URL, PROCORE_LOGIN_URL   for custom
 *   PROCORE_PROJECT_ID      optional; default the first active project
 * Exit code 0 when every check held and nothing was left behind.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeType } from 'n8n-workflow';

import { type ProcoreCredential, runLiveCheck } from './lib/liveCheck';

const DIST = path.resolve(__dirname, '../dist/nodes/Procore/Procore.node.js');

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

function fromExport(file: string): ProcoreCredential {
	const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ name: string; type: string; data: ProcoreCredential | string }>;
	const wanted = arg('--credential-name');
	const entry = (Array.isArray(all) ? all : [all]).find((c) => c.type === 'procoreOAuth2Api' && (!wanted || c.name === wanted));
	if (!entry) throw new Error(`${file} holds no procoreOAuth2Api credential${wanted ? ` named "${wanted}"` : ''}`);
	if (typeof entry.data === 'string')
		throw new Error(`${file} is encrypted: export it with --decrypted`);
	// A signed-in user's credential keeps its company as Default Company ID.
	const data = entry.data;
	return { ...data, companyId: String(data.grantType === 'clientCredentials' ? data.companyId : (data.defaultCompanyId ?? data.companyId ?? '')) };
}

function fromEnv(): ProcoreCredential {
	const env = process.env;
	const need = (name: string) => {
		const v = env[name];
		if (!v) throw new Error(`${name} is not set (or pass --credential <n8n export.json>)`);
		return v;
	};
	const grantType = env.PROCORE_GRANT_TYPE ?? 'authorizationCode';
	return {
		grantType,
		environment: need('PROCORE_ENVIRONMENT'),
		customApiUrl: env.PROCORE_API_URL ?? '',
		customLoginUrl: env.PROCORE_LOGIN_URL ?? '',
		clientId: need('PROCORE_CLIENT_ID'),
		clientSecret: need('PROCORE_CLIENT_SECRET'),
		companyId: need('PROCORE_COMPANY_ID'),
		defaultCompanyId: need('PROCORE_COMPANY_ID'),
		...(grantType === 'authorizationCode'
			? {
					oauthTokenData: {
						access_token: need('PROCORE_ACCESS_TOKEN'),
						token_type: 'Bearer',
						...(env.PROCORE_REFRESH_TOKEN ? { refresh_token: env.PROCORE_REFRESH_TOKEN } : {}),
					},
				}
			: {}),
	};
}

async function main(): Promise<void> {
	const file = arg('--credential');
	const credential = file ? fromExport(file) : fromEnv();
	if ((credential.environment ?? 'production') === 'production')
		throw new Error('the live check writes (and removes) records: use a Developer Sandbox or Monthly Sandbox credential, not Production');
	if (!credential.companyId) throw new Error('the credential has no Default Company ID');
	if (!fs.existsSync(DIST)) throw new Error('no build: run `npm run build` first (npm run check:live does)');
	const { Procore } = (await import(DIST)) as { Procore: new () => INodeType };
	console.log(`Procore live check: ${String(credential.environment)} company ${credential.companyId}`);
	const report = await runLiveCheck({
		credential,
		procoreNode: new Procore(),
		projectId: arg('--project') ?? process.env.PROCORE_PROJECT_ID,
		log: (line) => console.log(line),
	});
	const differed = report.results.filter((r) => !r.held);
	console.log(`\n${report.results.length - differed.length} held, ${differed.length} differed${report.leftBehind.length ? `, ${report.leftBehind.length} LEFT BEHIND` : ', nothing left behind'}`);
	for (const l of report.leftBehind) console.log(`  remove by hand: ${l}`);
	process.exitCode = differed.length || report.leftBehind.length ? 1 : 0;
}

main().catch((e: unknown) => {
	console.error(`check:live: ${e instanceof Error ? e.message : String(e)}`);
	process.exitCode = 2;
});

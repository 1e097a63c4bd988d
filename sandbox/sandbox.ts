/** Wires the pieces into one running sandbox and exposes the programmatic API tests use. */
import * as fs from 'fs';
import type * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { CallRecord } from './calls';
import { Catalog } from './catalog';
import { Clock } from './clock';
import { applyConfig, type ConfigPatch, defaultConfig, type SandboxConfig } from './config';
import { controlRoute, type UiEdit } from './control';
import { BlobStore } from './files/blobs';
import { filesRoute } from './files/routes';
import { handlers as builtIn } from './handlers';
import { type Handler, HandlerRegistry } from './handlers/registry';
import { Faults } from './limits/faults';
import { RateLimiter } from './limits/rate-limit';
import { Accounts } from './oauth/accounts';
import { Tokens } from './oauth/tokens';
import type { Change, Runtime } from './runtime';
import { seed, type SeedIds, type SeedOptions } from './seed';
import { createServer, listen } from './server';
import { Store, type StoredRec } from './store';
import { keyForResource } from './webhooks/resource-names';
import { Dispatcher, type DeliveryRecord } from './webhooks/dispatcher';

export interface StartOptions extends ConfigPatch {
	/** 0 = any free port. */
	port?: number;
	seed?: SeedOptions;
	/** Extra handlers (tests of a single resource can add theirs without touching handlers/index.ts). */
	handlers?: Handler[];
}

let sharedCatalog: Catalog | null = null;

/** Every sandbox started in this process and not yet stopped (test hooks read their problems). */
const running = new Set<Sandbox>();
export function runningSandboxes(): Sandbox[] {
	return [...running];
}

/** Config every sandbox started from now on begins with (the unit tests switch `checkResponses` on). */
let startDefaults: ConfigPatch = {};
export function setStartDefaults(patch: ConfigPatch): void {
	startDefaults = patch;
}

export class Sandbox {
	readonly rt: Runtime;
	readonly accounts = new Accounts();
	readonly tokens: Tokens;
	readonly calls: CallRecord[] = [];
	/** Replies that did not match their operation's 2xx schema (with config `checkResponses`). */
	readonly responseProblems: string[] = [];
	readonly dispatcher: Dispatcher;
	seed!: SeedIds;
	url = '';
	port = 0;
	private server!: http.Server;
	private readonly limiter: RateLimiter;
	private readonly faults: Faults;
	private seedOptions: SeedOptions;

	constructor(private readonly options: StartOptions = {}) {
		const config = defaultConfig();
		const { port: _p, seed: seedOpts, handlers: _h, ...patch } = options;
		void _p;
		void _h;
		applyConfig(config, { ...startDefaults, ...patch });
		this.seedOptions = seedOpts ?? {};
		const clock = new Clock();
		sharedCatalog ??= new Catalog();
		const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'procore-sandbox-'));
		this.rt = {
			catalog: sharedCatalog,
			store: new Store(),
			config,
			clock,
			companyId: 4264807,
			emit: (change: Change) => this.dispatcher.onChange(change),
			apiOrigin: () => `http://127.0.0.1:${this.port}`,
			storageOrigin: () => `http://localhost:${this.port}`,
			tmpDir,
			blobs: new BlobStore(),
			deliveries: () => this.dispatcher.log,
		};
		this.tokens = new Tokens(clock, () => config.tokenTtlSeconds);
		this.limiter = new RateLimiter(clock);
		this.faults = new Faults(config.faultSeed);
		this.dispatcher = new Dispatcher(this.rt);
	}

	async start(): Promise<this> {
		const registry = new HandlerRegistry([...builtIn, ...(this.options.handlers ?? [])]);
		for (const h of [...builtIn, ...(this.options.handlers ?? [])])
			for (const op of h.operations ?? [])
				if (!this.rt.catalog.byId(op.operationId))
					this.rt.catalog.add({ module: '', tag: '', ...op });
		this.server = createServer({
			rt: this.rt,
			accounts: this.accounts,
			tokens: this.tokens,
			limiter: this.limiter,
			handlers: registry,
			faults: this.faults,
			calls: this.calls,
			responseProblems: this.responseProblems,
			control: controlRoute({
				rt: this.rt,
				calls: this.calls,
				reset: (o) => this.reset(o),
				seed: (o) => this.reseed(o),
				uiEdit: (e) => this.uiEdit(e),
				deliveries: () => this.deliveries(),
			}),
			files: filesRoute(this.rt, this.tokens),
		});
		this.port = await listen(this.server, this.options.port ?? 0, '127.0.0.1');
		this.url = this.rt.apiOrigin();
		this.seed = seed(this.rt, this.accounts, this.seedOptions);
		running.add(this);
		return this;
	}

	get companyId(): number {
		return this.rt.companyId;
	}
	get store(): Store {
		return this.rt.store;
	}

	/** A ready bearer token (seeded project manager via the web app, or the DMSA service account). */
	issueToken(kind: 'user' | 'dmsa' = 'user'): string {
		return kind === 'dmsa'
			? this.tokens.issue('sandbox-dmsa-client', this.seed.users.dmsa, 'client_credentials', false)
					.token
			: this.tokens.issue('sandbox-client-id', this.seed.users.pm, 'authorization_code', true)
					.token;
	}

	config(patch: ConfigPatch): SandboxConfig {
		applyConfig(this.rt.config, patch);
		if (patch.faultSeed !== undefined) this.faults.reseed(patch.faultSeed);
		return this.rt.config;
	}

	/** Back to the seeded state: records, tokens, calls, deliveries, rate-limit buckets, clock. */
	reset(options?: SeedOptions): void {
		if (options && Object.keys(options).length) this.seedOptions = options;
		this.dispatcher.clear();
		this.rt.store.clear();
		this.rt.blobs.clear();
		this.tokens.clear();
		this.accounts.clear();
		this.limiter.clear();
		this.rt.clock.reset();
		this.calls.length = 0;
		this.seed = seed(this.rt, this.accounts, this.seedOptions);
	}

	reseed(options?: SeedOptions): SeedIds {
		this.reset(options);
		return this.seed;
	}

	/** Plays a person editing in Procore's web app: the change is stored and webhooks fire with no application id. */
	uiEdit(edit: UiEdit): StoredRec {
		const key =
			keyForResource(edit.resource, {
				projectId: edit.project_id ?? null,
				companyId: this.companyId,
			}) ?? edit.resource;
		const userId = edit.user_id ?? this.seed.users.pm;
		const now = this.rt.clock.iso();
		let rec: StoredRec | undefined;
		const directory = /^projects\/\d+\/(users|vendors)$/.exec(key);
		if (edit.action === 'create' && directory) rec = this.addToDirectory(key, directory[1], edit, now);
		else if (edit.action === 'create')
			rec = this.rt.store.insert(key, {
				...(edit.project_id ? { project_id: edit.project_id } : {}),
				...(edit.attributes ?? {}),
				created_at: now,
				updated_at: now,
			});
		else if (edit.id === undefined)
			throw new Error('ui-edit: id is required for update and delete');
		else if (edit.action === 'update')
			rec = this.rt.store.update(key, edit.id, { ...(edit.attributes ?? {}), updated_at: now });
		else rec = this.rt.store.remove(key, edit.id, now);
		if (!rec) throw new Error(`ui-edit: no record ${edit.id} in ${key}`);
		this.dispatcher.onChange({
			action: edit.action,
			key,
			record: rec,
			companyId: this.companyId,
			projectId: edit.project_id ?? null,
			userId,
			applicationId: null,
			operationId: null,
		});
		return rec;
	}

	/**
	 * A person adding a company user or vendor to a project's directory in the web app: as Procore's
	 * `…/actions/add`, the entry is the company's record under the same id (the event's resource_id),
	 * and a user or vendor the company does not have is refused.
	 */
	private addToDirectory(key: string, kind: string, edit: UiEdit, now: string): StoredRec {
		const id = edit.attributes?.id;
		if (id === undefined || id === null) throw new Error(`ui-edit: adding to ${key} needs attributes.id (the company ${kind.slice(0, -1)})`);
		const company = this.rt.store.get(`companies/${this.companyId}/${kind}`, String(id));
		if (!company) throw new Error(`ui-edit: the company has no ${kind.slice(0, -1)} ${String(id)}`);
		const entries = this.rt.store.collection(key);
		const rec = { ...company, ...(entries.get(String(id)) ?? {}), ...(edit.attributes ?? {}), id: company.id, deleted_at: null, updated_at: now } as StoredRec;
		entries.set(String(id), rec);
		return rec;
	}

	deliveries(): DeliveryRecord[] {
		return this.dispatcher.log;
	}

	async stop(): Promise<void> {
		running.delete(this);
		this.dispatcher.clear();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
		this.rt.blobs.clear();
		fs.rmSync(this.rt.tmpDir, { recursive: true, force: true });
	}
}

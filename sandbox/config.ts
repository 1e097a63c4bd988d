/**
 * Everything a test or the CLI can tune. Values Procore does not document (marked UNCONFIRMED in
 * docs/../procore-api.md) are options here, with the default we chose noted beside each.
 */
export interface RateLimitConfig {
	/** Requests per hour per (OAuth app, company) bucket. */
	hourly: number;
	/** Requests per spike window per bucket. */
	spike: number;
	spikeWindowSeconds: number;
	/** UNCONFIRMED whether every 429 carries Retry-After (the docs disagree); default true. */
	retryAfterOn429: boolean;
}

export type FaultKind = '503' | 'slow' | 'drop';

export interface FaultRule {
	kind: FaultKind;
	/** Probability per matching request (seeded PRNG). */
	rate?: number;
	/** Or: exactly the next N matching requests. */
	next?: number;
	/** Only paths matching this (RegExp source or substring). */
	pathPattern?: string;
	/** For 'slow': delay before answering normally. */
	delayMs?: number;
	/** For '503': the Retry-After value in seconds. */
	retryAfterSeconds?: number;
}

export interface SandboxConfig {
	/** v1 default per_page when the client sends none (UNCONFIRMED; we chose 100). */
	v1DefaultPerPage: number;
	/** v1 largest per_page honoured; larger values are clamped (UNCONFIRMED; docs say keep <= 2000). */
	v1MaxPerPage: number;
	v2DefaultPerPage: number;
	v2MaxPerPage: number;
	/** Access-token lifetime (Procore: 5400 s). */
	tokenTtlSeconds: number;
	/**
	 * Procore sends X-Rate-Limit-* on every response (§8.4), so limiting is on by default with the
	 * `generous` preset (no test or demo comes near it); null (`off`, CLI `--rate-limit off`) = no
	 * limiting and no headers.
	 */
	rateLimit: RateLimitConfig | null;
	faults: FaultRule[];
	faultSeed: number;
	/** Max entries of POST /rest/v1.0/companies/{company_id}/timesheets (UNCONFIRMED; default 1000). */
	timesheetsBulkMax: number;
	/** Multiplies webhook back-off intervals and the 12 h discard window (1 = real time). */
	webhookTimeScale: number;
	/** Delivery timeout per attempt (Procore: 5 s). */
	webhookTimeoutMs: number;
	/** 0..1: fraction of events delivered twice (at-least-once); 1 = every event twice. */
	duplicateDeliveries: number;
	/**
	 * Deliveries in flight per destination URL (1 = one after another, the default). Higher values
	 * let a load test reach an n8n faster than one request at a time; a delivery's duplicate can then
	 * arrive while the original is still being handled.
	 */
	webhookConcurrency: number;
	/** 'schema': only fields the 2xx schema declares; 'schema+stored': also stored fields the schema omits. */
	responseFields: 'schema' | 'schema+stored';
	/**
	 * `GET /rest/v1.0/projects` (and v1.1) without `filters[by_status]`: 'active' lists active
	 * projects only, as §7 documents; 'all' lists inactive and archived ones too (the old behaviour).
	 */
	projectsListDefault: 'active' | 'all';
	/**
	 * Check /rest responses against their operation's 2xx schema (status and body) and record what
	 * does not match in `sb.responseProblems`: true = every operation, a list = those operation ids.
	 * The unit tests switch it on for the operations on the nodes' paths (test/sandboxChecks.ts);
	 * off by default because benchmarks and the demo need no checking.
	 */
	checkResponses: boolean | string[];
	/**
	 * Where Procore's guides and its schema disagree (UNCONFIRMED, see README), the sandbox follows
	 * the guides and the response check accepts the guides' value: `line_item_types[].base_type`
	 * `labor` / `markup` (§4.4), v1.0 trigger `event_type` in lower case (§2.2). false = the check
	 * holds the sandbox to the schema's enums there too.
	 */
	responseCheckWaivers: boolean;
	/**
	 * v1.0 deliveries' 19-digit `event_id` / `event.id`: 'number', as the schema declares (a JSON
	 * integer beyond 2^53, which clients must parse without rounding), or 'string' (UNCONFIRMED).
	 */
	v1DeliveryEventIds: 'number' | 'string';
	/** GET /oauth/authorize approves at once (end-to-end runs where no one clicks Approve). */
	oauthAutoApprove: boolean;
	/** Per project: tools (catalog `module` names, e.g. "RFI", "Change Events") switched off → 403. */
	disabledTools: Record<string, string[]>;
	/**
	 * Per project: Procore's change order tier setting per contract type (1, 2 or 3; default 2).
	 * At 1 tier a contract has no potential change orders (handlers/change-orders.ts).
	 */
	changeOrderTiers: Record<string, { commitment?: number; prime?: number }>;
	/**
	 * Where the tier count shows: 'records' (the catalog's `change_order_tiers` on PCO records) or
	 * 'none' (how Procore exposes the setting is UNCONFIRMED; clients must cope with both).
	 */
	changeOrderTiersShown: 'records' | 'none';
	/**
	 * What the company timecard list (`GET /rest/v1.0/companies/{id}/timecard_entries`, "serialized
	 * according to the MyTime field set") carries of each entry: 'full' (origin_id and the project
	 * too) or 'mytime' (neither: UNCONFIRMED which is true; clients must cope with both).
	 */
	companyTimecardFields: 'full' | 'mytime';
	/**
	 * A PATCH giving an in-progress timecard entry its time out or hours: 'patch' completes it
	 * (in_progress false); 'refused' refuses it (422, the in-progress rules: no hours or time out
	 * while in progress); 'ignored' answers 200 leaving it in progress without them. The catalog's
	 * PATCH body has no in_progress: UNCONFIRMED which Procore does.
	 */
	inProgressCompletion: 'patch' | 'refused' | 'ignored';
	/**
	 * A trigger on a pair Procore retired (webhooks/resources.ts RETIRED_TRIGGERS: Project Users /
	 * Project Vendors update, 2026-06-30): 'refuse' answers 422 naming the replacement; 'accept'
	 * stores it and never delivers it. UNCONFIRMED which Procore does; clients must cope with both.
	 */
	retiredTriggers: 'refuse' | 'accept';
}

export const RATE_LIMIT_PRESETS: Record<string, RateLimitConfig> = {
	/** The documented defaults: 3,600/h and a 25 per 10 s spike limit. */
	'doc-example': { hourly: 3600, spike: 25, spikeWindowSeconds: 10, retryAfterOn429: true },
	/** The newer guide's example hourly figure. */
	'doc-example-600': { hourly: 600, spike: 25, spikeWindowSeconds: 10, retryAfterOn429: true },
	/** The default: Procore's headers on every response, limits far beyond any test, demo or benchmark. */
	generous: { hourly: 10_000_000, spike: 1_000_000, spikeWindowSeconds: 10, retryAfterOn429: true },
};

export function defaultConfig(): SandboxConfig {
	return {
		v1DefaultPerPage: 100,
		v1MaxPerPage: 1000,
		v2DefaultPerPage: 10,
		v2MaxPerPage: 100,
		tokenTtlSeconds: 5400,
		rateLimit: { ...RATE_LIMIT_PRESETS.generous },
		faults: [],
		faultSeed: 42,
		timesheetsBulkMax: 1000,
		webhookTimeScale: 1,
		webhookTimeoutMs: 5000,
		duplicateDeliveries: 0,
		webhookConcurrency: 1,
		responseFields: 'schema+stored',
		disabledTools: {},
		changeOrderTiers: {},
		changeOrderTiersShown: 'records',
		companyTimecardFields: 'full',
		inProgressCompletion: 'patch',
		retiredTriggers: 'refuse',
		oauthAutoApprove: false,
		projectsListDefault: 'active',
		checkResponses: false,
		responseCheckWaivers: true,
		v1DeliveryEventIds: 'number',
	};
}

/** Accepts a preset name for rateLimit, so the CLI and control API can say "doc-example". */
export type ConfigPatch = Partial<Omit<SandboxConfig, 'rateLimit'>> & {
	rateLimit?: RateLimitConfig | string | null | Partial<RateLimitConfig>;
};

export function applyConfig(config: SandboxConfig, patch: ConfigPatch): void {
	const { rateLimit, ...rest } = patch;
	Object.assign(config, rest);
	if (rateLimit === undefined) return;
	if (rateLimit === null || rateLimit === 'off') config.rateLimit = null;
	else if (typeof rateLimit === 'string') {
		const preset = RATE_LIMIT_PRESETS[rateLimit];
		if (!preset)
			throw new Error(
				`unknown rate-limit preset "${rateLimit}" (known: ${Object.keys(RATE_LIMIT_PRESETS).join(', ')}, off)`,
			);
		config.rateLimit = { ...preset };
	} else
		config.rateLimit = { ...RATE_LIMIT_PRESETS['doc-example'], ...config.rateLimit, ...rateLimit };
}

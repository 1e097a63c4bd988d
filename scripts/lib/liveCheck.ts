/**
 * `npm run check:live`: a short, read-mostly run of this package's own Procore node (the built
 * `dist/`, inside n8n-core's workflow harness as test/harness runs it) against a Procore the user
 * owns: who am I, companies, projects, one list per headline resource, a webhook hook + trigger in
 * a throwaway namespace, and one reversible write per headline write (created, then removed). It
 * reports what held and what differed, and undoes everything it made, also when a step fails.
 *
 * The same function runs against the local sandbox in the unit tests (test/sandbox/checkLive.test.ts),
 * which compare the sandbox's records before and after.
 */
import { randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, INodeType, IWorkflowBase } from 'n8n-workflow';

import { harnessNodeTypes, runWorkflowFixture } from '../../test/harness';

export type ProcoreCredential = ICredentialDataDecryptedObject & { companyId: string };

export interface LiveCheckOptions {
	credential: ProcoreCredential;
	/** The Procore node class to run (the built one from dist/, or the sources in tests). */
	procoreNode: INodeType;
	/** A project to read and write in; the first active project when empty. */
	projectId?: string;
	log?: (line: string) => void;
}

export interface CheckResult {
	name: string;
	held: boolean;
	detail: string;
}

export interface LiveCheckReport {
	results: CheckResult[];
	/** Undo steps that failed (something may be left behind: named here). */
	leftBehind: string[];
}

/** A UTC day `offset` days from today (YYYY-MM-DD). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

function workflow(parameters: IDataObject): IWorkflowBase {
	return {
		name: 'Procore live check',
		active: false,
		nodes: [
			{ id: 'c0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'c0000000-0000-4000-8000-000000000002',
				name: 'Procore',
				type: 'n8n-nodes-procore.procore',
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { procoreOAuth2Api: { id: 'live', name: 'Procore (live check)' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Procore', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

export async function runLiveCheck(options: LiveCheckOptions): Promise<LiveCheckReport> {
	const log = options.log ?? (() => {});
	const nodeTypes = harnessNodeTypes.with({ 'n8n-nodes-procore.procore': options.procoreNode });
	const results: CheckResult[] = [];
	const undo: Array<{ what: string; run: () => Promise<unknown> }> = [];
	const leftBehind: string[] = [];
	const company = rl(options.credential.companyId);

	/** Runs the node once; returns its output JSON, or throws its error message. */
	async function node(parameters: IDataObject): Promise<IDataObject[]> {
		const result = await runWorkflowFixture(workflow(parameters), {
			items: [{ json: {} }],
			credentials: { procoreOAuth2Api: options.credential },
			nodeTypes,
		});
		const error = result.errorOf('Procore');
		if (error) throw new Error(String(error.description ?? error.message));
		return result.outputOf('Procore').map((i) => i.json);
	}
	const api = (method: string, path: string, body?: IDataObject) =>
		node({
			resource: 'customApiCall',
			operation: 'request',
			method,
			path,
			query: '{}',
			paginate: false,
			...(body ? { body: JSON.stringify(body) } : {}),
		});

	/** One check: what it expects is held when `test` returns true (or a note), differs otherwise. */
	async function check<T>(name: string, run: () => Promise<T>, test: (value: T) => true | string): Promise<T | undefined> {
		try {
			const value = await run();
			const verdict = test(value);
			const held = verdict === true;
			results.push({ name, held, detail: held ? 'as documented' : verdict });
			log(`${held ? 'held    ' : 'DIFFERED'}  ${name}${held ? '' : `: ${verdict}`}`);
			return value;
		} catch (e) {
			const detail = e instanceof Error ? e.message : String(e);
			results.push({ name, held: false, detail });
			log(`DIFFERED  ${name}: ${detail}`);
			return undefined;
		}
	}
	const nonEmpty = (what: string) => (rows: IDataObject[]) => (rows.length > 0 ? true : `no ${what} returned`);
	const list = (what: string) => (rows: IDataObject[]) => (Array.isArray(rows) ? true : `${what}: not a list`);

	try {
		await check('who am I (GET /rest/v1.0/me)', () => api('GET', '/rest/v1.0/me'), (r) =>
			r[0]?.id !== undefined && typeof r[0]?.login === 'string' ? true : 'no id and login in the answer',
		);
		await check('Company › Get Many', () => node({ resource: 'company', operation: 'getAll', returnAll: true }), (rows) =>
			rows.some((c) => String(c.id) === options.credential.companyId)
				? true
				: `company ${options.credential.companyId} is not among the companies the credential reaches`,
		);
		const projects = await check('Project › Get Many (active projects, §7)', () => node({ resource: 'project', operation: 'getAll', company, returnAll: true, output: 'raw' }), (rows) =>
			rows.length === 0 ? 'no projects' : rows.every((p) => p.active !== false) ? true : 'an inactive project is listed without filters[by_status]',
		);
		const projectId = options.projectId ?? String(projects?.[0]?.id ?? '');
		if (!projectId) throw new Error('no project to continue with (set PROCORE_PROJECT_ID)');
		const project = rl(projectId);

		await check('RFI › Get Many', () => node({ resource: 'rfi', operation: 'getAll', company, project, returnAll: false, limit: 5 }), list('RFIs'));
		await check('Change Event › Get Many', () => node({ resource: 'changeEvent', operation: 'getAll', company, project, returnAll: false, limit: 5, filters: {}, output: 'simplified' }), list('change events'));
		await check('Timecard Entry › Get Many', () => node({ resource: 'timecardEntry', operation: 'getAll', company, scope: 'project', project, startDate: day(-7), endDate: day(0), returnAll: false, limit: 5, filters: {}, output: 'simplified' }), list('timecard entries'));
		// The company list's in-progress filters (clock-ins exported before their clock-out): 'Only'
		// must give open entries alone; what the MyTime field set carries of them (origin_id, the
		// project) is UNCONFIRMED (procore-api.md §4.2, sandbox companyTimecardFields), so it is told.
		const openEntries = await check('Timecard Entry › Get Many (company, Clock-Ins Still Open: Only)', () =>
			node({ resource: 'timecardEntry', operation: 'getAll', company, scope: 'company', startDate: day(-7), endDate: day(1), returnAll: false, limit: 25, filters: { inProgress: 'only' }, output: 'raw' }),
			(rows) => {
				const finished = rows.filter((r) => r.in_progress !== true);
				return finished.length ? `${finished.length} of ${rows.length} entries listed as open are not in_progress (ids ${finished.slice(0, 5).map((r) => String(r.id)).join(', ')})` : true;
			},
		);
		if (openEntries?.length) {
			const has = (f: (r: IDataObject) => boolean) => (openEntries.every(f) ? 'yes' : openEntries.some(f) ? 'some' : 'no');
			log(`          open entries: ${openEntries.length}; origin_id ${has((r) => 'origin_id' in r)}, project ${has((r) => r.project_id !== undefined || r.project !== undefined)}, time_in ${has((r) => Boolean(r.time_in))}`);
		}
		await check('Timecard Entry › Get Many (company, Clock-Ins Still Open: Include)', () =>
			node({ resource: 'timecardEntry', operation: 'getAll', company, scope: 'company', startDate: day(-7), endDate: day(1), returnAll: false, limit: 25, filters: { inProgress: 'include' }, output: 'raw' }),
			list('timecard entries'),
		);
		await check('Insurance › Get Many (company)', () => node({ resource: 'insurance', operation: 'getAll', company, scope: 'company', returnAll: false, limit: 5 }), list('insurances'));
		await check('Commitment › Get Many', () => node({ resource: 'commitment', operation: 'getAll', company, project, returnAll: false, limit: 5 }), list('commitments'));
		// The project directory's vendors (GET /rest/v1.0/projects/{id}/vendors, every page) join the
		// commitments' vendors; each item says whether the directory lists it.
		await check('Commitment › Get Project Subcontractors (Include Project Directory Vendors)', () =>
			node({ resource: 'commitment', operation: 'getProjectSubcontractors', company, project, options: { includeDirectory: true, includeContacts: false } }),
			(rows) => {
				const bad = rows.filter((r) => typeof r.in_directory !== 'boolean' || r.vendor_id === undefined);
				if (bad.length) return `${bad.length} of ${rows.length} items lack vendor_id or a true/false in_directory`;
				const ids = rows.map((r) => String(r.vendor_id));
				return new Set(ids).size === ids.length ? true : 'a vendor is listed twice';
			},
		);
		const vendors = await check('Vendor › Get Many (company directory)', () => node({ resource: 'vendor', operation: 'getAll', company, directory: 'company', returnAll: false, limit: 5 }), nonEmpty('vendors'));

		// Webhooks in a namespace no one else uses, removed again (§2.1: namespaces isolate integrations).
		const namespace = `n8n-live-check-${randomBytes(3).toString('hex')}`;
		const scope = { project_id: Number(projectId) };
		const hook = await check(`webhook hook create (namespace ${namespace})`, () =>
			api('POST', '/rest/v1.0/webhooks/hooks', { ...scope, hook: { api_version: 'v2', namespace, destination_url: 'https://example.com/n8n-live-check' } }),
			(r) => (r[0]?.id !== undefined && r[0]?.namespace === namespace ? true : 'no hook id in the answer'),
		);
		const hookId = hook?.[0]?.id;
		if (hookId !== undefined) {
			undo.push({ what: `webhook hook ${String(hookId)}`, run: () => api('DELETE', `/rest/v1.0/webhooks/hooks/${String(hookId)}?project_id=${projectId}`) });
			const trigger = await check('webhook trigger create (RFIs create)', () =>
				api('POST', `/rest/v1.0/webhooks/hooks/${String(hookId)}/triggers`, { ...scope, api_version: 'v2', trigger: { resource_name: 'RFIs', event_type: 'create' } }),
				(r) => (r[0]?.id !== undefined ? true : 'no trigger id in the answer'),
			);
			await check('Webhook › Get Many Hooks lists it', () => node({ resource: 'webhook', operation: 'getHooks', company, webhookScope: 'project', project, namespace, output: 'simplified' }), (rows) =>
				rows.some((h) => String(h.id) === String(hookId)) ? true : 'the new hook is not listed in its namespace',
			);
			if (trigger?.[0]?.id !== undefined)
				await check('webhook trigger delete', () => api('DELETE', `/rest/v1.0/webhooks/hooks/${String(hookId)}/triggers/${String(trigger[0].id)}?project_id=${projectId}`), () => true);
			await check('webhook hook delete', async () => {
				await undo.pop()!.run();
				return node({ resource: 'webhook', operation: 'getHooks', company, webhookScope: 'project', project, namespace, output: 'simplified' });
			}, (rows) => (rows.length === 0 ? true : 'the hook is still listed after DELETE'));
		}

		// Reversible writes: each record made here is removed again.
		const vendorId = vendors?.[0]?.id;
		if (vendorId !== undefined) {
			const insurance = await check('Insurance › Create (company vendor)', () =>
				node({ resource: 'insurance', operation: 'create', company, scope: 'companyVendor', vendor: rl(String(vendorId)), insuranceType: `n8n live check ${namespace}`, additionalFields: { expirationDate: '2099-12-31T00:00:00Z' }, options: {} }),
				(r) => (r[0]?.id !== undefined ? true : 'no insurance id in the answer'),
			);
			const insuranceId = insurance?.[0]?.id;
			if (insuranceId !== undefined) {
				const remove = () => node({ resource: 'insurance', operation: 'delete', company, scope: 'companyVendor', vendor: rl(String(vendorId)), insuranceId: rl(String(insuranceId)), options: {} });
				undo.push({ what: `insurance ${String(insuranceId)} of vendor ${String(vendorId)}`, run: remove });
				await check('Insurance › Delete', () => undo.pop()!.run() as Promise<IDataObject[]>, (r) => (r[0]?.deleted === true ? true : 'the node did not report the insurance deleted'));
			}
		}
		const folder = await check('Folder › Create (project Documents)', () =>
			node({ resource: 'folder', operation: 'create', company, documentScope: 'project', project, name: namespace, options: {} }),
			(r) => (r[0]?.id !== undefined ? true : 'no folder id in the answer'),
		);
		const folderId = folder?.[0]?.id;
		if (folderId !== undefined) {
			undo.push({ what: `folder ${String(folderId)}`, run: () => api('DELETE', `/rest/v1.0/folders/${String(folderId)}?project_id=${projectId}`) });
			await check('folder delete (DELETE /rest/v1.0/folders/{id})', () => undo.pop()!.run(), () => true);
		}
	} finally {
		for (const step of undo.reverse())
			try {
				await step.run();
				log(`removed   ${step.what}`);
			} catch (e) {
				leftBehind.push(`${step.what}: ${e instanceof Error ? e.message : String(e)}`);
				log(`LEFT BEHIND ${step.what}`);
			}
	}
	return { results, leftBehind };
}

/**
 * Figure 1: calls per record, counted at the sandbox. Each workload runs twice in the same
 * sandbox: through the Procore node's batch operation, and as the baseline a user would otherwise
 * build (one call per record with Custom API Call, the equivalent of an HTTP Request node per
 * item; Procore's default page size for lists).
 */
import type { IDataObject } from 'n8n-workflow';

import { benchSandbox, rl, type NodeRun } from '../lib/workflow';
import type { FigureResult, Row } from '../lib/report';

/** The tower project has 2 seeded RFIs; with these it holds exactly 10,000. */
const RECORDS = 10_000;
const SEED = { rfis: RECORDS - 2 };

const dayOf = (k: number) => `2026-09-${String(1 + (k % 28)).padStart(2, '0')}`;

function row(workload: string, ours: NodeRun, oursLabel: string, base: NodeRun, baseLabel: string, records: number, note = ''): Row {
	const check = (r: NodeRun) => (r.error ? `error: ${r.error}` : r.failed ? `${r.failed} failed` : 'ok');
	return {
		figure: 'Calls per record',
		workload,
		ours: `${ours.calls} calls (${oursLabel}; ${check(ours)})`,
		baseline: `${base.calls} calls (${baseLabel}; ${check(base)})`,
		ratio: base.calls / ours.calls,
		detail: `${records.toLocaleString('en')} records: ${(ours.calls / records).toFixed(3)} vs ${(base.calls / records).toFixed(3)} calls per record${note ? `; ${note}` : ''}`,
		ok: !ours.error && !ours.failed && !base.error && !base.failed,
	};
}

export async function callsPerRecord(log: (s: string) => void): Promise<FigureResult> {
	const rows: Row[] = [];
	const b = await benchSandbox({ seed: SEED });
	const { sb } = b;
	const company = rl(sb.companyId);
	const tower = sb.seed.projects.tower;
	const workers = Object.values(sb.seed.people);
	const costCode = sb.seed.costCodes['03-300'];
	const labor = sb.seed.lineItemTypes.labor;
	try {
		// 1. 1,000 timecard entries.
		const N = 1000;
		const entries = Array.from({ length: N }, (_, k) => ({
			worker: String(workers[k % workers.length]),
			date: dayOf(k),
			hours: 1 + (k % 8),
			originId: String(700000 + k),
		}));
		const entryParams = (extra: IDataObject) => ({
			resource: 'timecardEntry',
			operation: 'createMany',
			company,
			project: rl(tower),
			worker: { __rl: true, mode: 'id', value: '={{ $json.worker }}' },
			date: '={{ $json.date }}',
			timeEntryMode: 'hours',
			hours: '={{ $json.hours }}',
			costCoding: 'milestone',
			milestone: rl(`procore:budget_line:cc:${costCode}:cat:${labor}`),
			additionalFields: { originId: '={{ $json.originId }}' },
			...extra,
		});
		const bulk = await b.run(entryParams({ options: {} }), entries);
		log(`timecards, project bulk: ${bulk.calls} calls, ${bulk.failed} failed ${bulk.error ?? ''}`);
		sb.reset(SEED);
		const company1000 = await b.run(
			entryParams({ options: { endpoint: 'company', batchSize: 1000 } , costCoding: 'none' }),
			entries,
		);
		log(`timecards, company timesheets: ${company1000.calls} calls, ${company1000.failed} failed ${company1000.error ?? ''}`);
		sb.reset(SEED);
		const tcBase = await b.run(
			{
				resource: 'customApiCall',
				operation: 'request',
				company,
				method: 'POST',
				path: `/rest/v1.1/projects/${tower}/project_timecard_entries`,
				query: '{}',
				body: `={{ JSON.stringify({ party_id: Number($json.worker), date: $json.date, hours: String($json.hours), cost_code_id: ${costCode}, line_item_type_id: ${labor}, origin_id: Number($json.originId) }) }}`,
			},
			entries,
		);
		log(`timecards, baseline: ${tcBase.calls} calls, ${tcBase.failed} failed ${tcBase.error ?? ''} ${tcBase.failed ? String(tcBase.items[0]?.json.error) : ''}`);
		rows.push(row('1,000 timecard entries', bulk, 'Create Many, project bulk_create, 25 per call (documented max)', tcBase, 'one POST per entry', N));
		rows.push(row('1,000 timecard entries', company1000, 'Create Many, company timesheets, Batch Size 1,000 (max UNCONFIRMED; no cost coding: this endpoint takes no category)', tcBase, 'one POST per entry', N));

		// 2. 1,000 insurance upserts (Procore's sync, 1,000 per call).
		sb.reset(SEED);
		const vendors = Object.values(sb.seed.vendors);
		const certificates = Array.from({ length: N }, (_, k) => ({
			vendor: String(vendors[k % vendors.length]),
			originId: `coi-${k}`,
			policy: `POL-${100000 + k}`,
			type: ['General Liability', 'Auto', 'Workers Compensation', 'Umbrella'][k % 4],
			expires: `2027-0${1 + (k % 9)}-15`,
		}));
		const upsert = await b.run(
			{
				resource: 'insurance',
				operation: 'upsert',
				company,
				scope: 'company',
				vendor: { __rl: true, mode: 'id', value: '={{ $json.vendor }}' },
				matchBy: 'originId',
				originId: '={{ $json.originId }}',
				insuranceFields: { insuranceType: '={{ $json.type }}', policyNumber: '={{ $json.policy }}', expirationDate: '={{ $json.expires }}' },
				options: {},
			},
			certificates,
		);
		log(`insurance, sync: ${upsert.calls} calls, ${upsert.failed} failed ${upsert.error ?? ''}`);
		sb.reset(SEED);
		const insBase = await b.run(
			{
				resource: 'customApiCall',
				operation: 'request',
				company,
				method: 'POST',
				path: `/rest/v1.0/companies/${sb.companyId}/insurances`,
				query: '{}',
				body: '={{ JSON.stringify({ insurance: { vendor_id: Number($json.vendor), origin_id: $json.originId, policy_number: $json.policy, insurance_type: $json.type, expiration_date: $json.expires } }) }}',
			},
			certificates,
		);
		log(`insurance, baseline: ${insBase.calls} calls, ${insBase.failed} failed ${insBase.error ?? ''}`);
		rows.push(row('1,000 insurance upserts', upsert, 'Create or Update, sync 1,000 per call', insBase, 'one POST per insurance (no look-up: favours the baseline)', N));

		// 3. A COR with 500 lines → one Change Event.
		sb.reset(SEED);
		const codes = ['01-000', '09-250'];
		const lines = Array.from({ length: 500 }, (_, k) => ({
			description: `COR line ${k + 1}`,
			costCode: codes[k % 2],
			category: 'L',
			quantity: 1 + (k % 5),
			unit: 'HR',
			unitCost: 95,
			amount: (1 + (k % 5)) * 95,
		}));
		const cor = await b.run(
			{
				resource: 'changeEvent',
				operation: 'pushCor',
				company,
				project: rl(tower),
				corId: 'bench-cor-1',
				title: 'Bench COR with 500 lines',
				breakdown: 'lineItem',
				linesInput: 'json',
				lines,
				additionalFields: { corNumber: '41', scope: 'out_of_scope' },
				options: {},
			},
			[{}],
		);
		const pushed = cor.items[0]?.json ?? {};
		log(`COR, push: ${cor.calls} calls, ${pushed.line_count} lines, ${cor.failed} failed ${cor.error ?? ''}`);
		sb.reset(SEED);
		const header = await b.run(
			{
				resource: 'customApiCall',
				operation: 'request',
				company,
				method: 'POST',
				path: '/rest/v1.0/change_events',
				query: '{}',
				body: JSON.stringify({ project_id: tower, change_event: { title: 'Bench COR with 500 lines', origin_id: 'bench-cor-1', event_scope: 'out_of_scope', change_event_status_id: sb.seed.changeEventStatuses.open } }),
			},
			[{}],
		);
		const ceId = String(header.items[0]?.json.id);
		const perLine = await b.run(
			{
				resource: 'customApiCall',
				operation: 'request',
				company,
				method: 'PATCH',
				path: `/rest/v1.0/change_events/${ceId}`,
				query: '{}',
				body: `={{ JSON.stringify({ project_id: ${tower}, change_event: { change_event_line_items_attributes: [{ description: $json.description, cost_code_id: $json.costCodeId, line_item_type_id: ${sb.seed.lineItemTypes.labor}, estimated_cost_quantity: $json.quantity, uom: 'HR', estimated_cost_unit_cost: 95, estimated_cost_amount: String($json.amount) }] } }) }}`,
			},
			lines.map((l) => ({ ...l, costCodeId: sb.seed.costCodes[l.costCode] })),
		);
		const corBase: NodeRun = { ...perLine, calls: header.calls + perLine.calls, failed: header.failed + perLine.failed, error: header.error ?? perLine.error };
		log(`COR, baseline: ${corBase.calls} calls, ${corBase.failed} failed ${corBase.error ?? ''}`);
		if (pushed.line_count !== 500) cor.failed = 1;
		rows.push(row('COR with 500 lines', cor, 'Push COR: look-ups + one POST with every line', corBase, 'POST the Change Event, then one PATCH per line', 500, 'the node\'s calls include its code look-ups; the baseline is given resolved IDs'));

		// 4. 10,000 records listed.
		sb.reset(SEED);
		const listed = await b.run(
			{ resource: 'rfi', operation: 'getAll', company, project: rl(tower), returnAll: true, filters: {}, options: {} },
			[{}],
		);
		log(`list: ${listed.calls} calls, ${listed.items.length} items ${listed.error ?? ''}`);
		const pages = Math.ceil(listed.items.length / 100);
		const listBase = await b.run(
			{
				resource: 'customApiCall',
				operation: 'request',
				company,
				method: 'GET',
				path: `/rest/v1.0/projects/${tower}/rfis`,
				query: '={{ JSON.stringify({ page: $json.page }) }}',
				paginate: false,
			},
			Array.from({ length: pages }, (_, k) => ({ page: k + 1 })),
		);
		log(`list, baseline: ${listBase.calls} calls, ${listBase.items.length} items ${listBase.error ?? ''}`);
		const listOk = listed.items.length === RECORDS && listBase.items.length === RECORDS;
		rows.push({
			...row(`${RECORDS.toLocaleString('en')} records listed (RFIs)`, listed, 'Get Many, Return All: per_page 1,000 (v1 max)', listBase, 'Procore\'s default per_page (100), page by page', RECORDS, 'bounded by the largest page Procore serves, not by the node'),
			ok: listOk && !listed.error && !listBase.error,
		});
	} finally {
		await b.stop();
	}
	return {
		title: 'Calls per record',
		rows,
		notes: [
			'Baselines are the Procore node\'s Custom API Call, one item per call (what an HTTP Request node per record does); they are given resolved IDs and skip look-ups, which favours them.',
			'Where 20× is not reached, Procore\'s endpoints are the bound: lists top out at per_page 1,000 against a default of 100 (10×); the documented timecard bulk_create takes 25 per call (22.7× with its checks).',
			'The company timesheets endpoint refuses a non-numeric origin ID (its schema types it as a number), so the bench uses numeric ones.',
		],
	};
}

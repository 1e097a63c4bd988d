/**
 * The write paths the reliability suites run against the sandbox through the n8n-core workflow
 * harness: one workflow per path (Manual Trigger → Procore), items built from the sandbox's seed.
 */
import type { IDataObject, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';

export const NODE = 'Procore';

export function procoreWorkflow(parameters: IDataObject): IWorkflowBase {
	return {
		id: 'reliability',
		name: 'Procore reliability',
		active: false,
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'procore',
				name: NODE,
				type: 'n8n-nodes-procore.procore',
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { procoreOAuth2Api: { id: 'procore-cred', name: 'Procore (sandbox)' } },
			},
		],
		connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

const id = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

const RFI_CREATE = (sb: Sandbox): IDataObject => ({
	resource: 'rfi',
	operation: 'create',
	project: id(sb.seed.projects.tower),
	subject: '={{ $json.subject }}',
	question: 'Which embed plate detail governs at grid C?',
	rfiManager: id(sb.seed.users.pm),
	draft: true,
	additionalFields: {},
	options: {},
});

export interface WritePath {
	name: string;
	/** Collection key in the sandbox store whose records this path creates (counted for duplicates). */
	collection: (sb: Sandbox) => string;
	/** How a stored record names the input item it came from (origin id, subject, file name…). */
	keyOf: (record: IDataObject) => string | undefined;
	parameters: (sb: Sandbox) => IDataObject;
	items: (sb: Sandbox, n: number, run: string) => INodeExecutionData[];
	/** The key each input item writes under. */
	itemKey: (item: INodeExecutionData) => string;
	/** Re-running an item that failed can never store it twice (the path matches by a key first). */
	rerunSafe: boolean;
	/** Run once with Procore healthy before the faulted run (the records the faulted run updates). */
	prepare?: { parameters: (sb: Sandbox) => IDataObject; items: (sb: Sandbox, n: number, run: string) => INodeExecutionData[] };
	/**
	 * What a stored record holds (its lines, their total, its files), compared with `expected` once
	 * the item completed: a write sent twice shows here even when the record itself is stored once.
	 */
	contents?: (record: IDataObject) => IDataObject;
	expected?: IDataObject;
}

/** The files a record holds: its own `attachments` and those of objects it nests (an RFI's question). */
export function attachmentCount(record: unknown, depth = 0): number {
	if (!record || typeof record !== 'object' || depth > 3) return 0;
	if (Array.isArray(record)) return record.reduce((n: number, r) => n + attachmentCount(r, depth + 1), 0);
	return Object.entries(record as IDataObject).reduce(
		(n, [key, value]) => n + (key === 'attachments' && Array.isArray(value) ? value.length : attachmentCount(value, depth + 1)),
		0,
	);
}

/** A Change Event's lines, their total (cents, to avoid float drift) and its files. */
function changeEventContents(record: IDataObject): IDataObject {
	const lines = Array.isArray(record.change_event_line_items) ? (record.change_event_line_items as IDataObject[]) : [];
	return {
		lines: lines.length,
		totalCents: lines.reduce((sum, l) => sum + Math.round(Number(l.estimated_cost_amount ?? 0) * 100), 0),
		attachments: attachmentCount({ attachments: record.attachments }),
	};
}

const base64 = (text: string) => Buffer.from(text).toString('base64');
const corPdf = (corId: string) => ({ data: { data: base64(`COR ${corId}\n`), mimeType: 'application/pdf', fileName: `${corId}.pdf` } });
const COR_LINES = [
	{ description: 'Crew', costCode: '03-300', quantity: 8, unitCost: 95 },
	{ description: 'Material', costCode: '03-300', amount: 1200 },
];

/** Clock-in runs so far (each gets its own day). */
let clockInRuns = 0;

export const WRITE_PATHS: WritePath[] = [
	{
		name: 'Change Event: Push COR',
		collection: (sb) => `projects/${sb.seed.projects.tower}/change_events`,
		keyOf: (r) => (r.origin_id === undefined || r.origin_id === null ? undefined : String(r.origin_id)),
		parameters: (sb) => ({
			resource: 'changeEvent',
			operation: 'pushCor',
			project: id(sb.seed.projects.tower),
			corId: '={{ $json.corId }}',
			title: '={{ $json.title }}',
			breakdown: 'lineItem',
			linesInput: 'json',
			lines: '={{ $json.lines }}',
			additionalFields: { corNumber: '={{ $json.corNumber }}', scope: 'out_of_scope', binaryProperties: 'data' },
		}),
		items: (sb, n, run) =>
			Array.from({ length: n }, (_, k) => ({
				json: { corId: `${run}-cor-${k}`, corNumber: String(k + 1), title: `COR ${k + 1}`, lines: COR_LINES },
				binary: corPdf(`${run}-cor-${k}`),
			})),
		itemKey: (item) => String(item.json.corId),
		rerunSafe: true,
		contents: changeEventContents,
		expected: { lines: 2, totalCents: 8 * 9500 + 120000, attachments: 1 },
	},
];

WRITE_PATHS.push(
	{
		// The update PATCH: it adds a line (no id) and attaches the COR's PDF to a Change Event pushed
		// before with one line. A PATCH whose answer is lost must not add them twice (issue 22).
		name: 'Change Event: Push COR again (PATCH adds a line and a file)',
		collection: WRITE_PATHS[0].collection,
		keyOf: WRITE_PATHS[0].keyOf,
		parameters: WRITE_PATHS[0].parameters,
		prepare: {
			// The first push attaches no file (the PATCH then adds it); the COR's other fields stay.
			parameters: (sb) => {
				const first = WRITE_PATHS[0].parameters(sb);
				return { ...first, additionalFields: { ...(first.additionalFields as IDataObject), binaryProperties: '' } };
			},
			items: (sb, n, run) =>
				WRITE_PATHS[0].items(sb, n, run).map((item) => ({ json: { ...item.json, lines: COR_LINES.slice(0, 1) } })),
		},
		items: (sb, n, run) => WRITE_PATHS[0].items(sb, n, run),
		itemKey: WRITE_PATHS[0].itemKey,
		rerunSafe: true,
		contents: changeEventContents,
		expected: { lines: 2, totalCents: 8 * 9500 + 120000, attachments: 1 },
	},
	{
		// Attaching by PATCH (upload_ids on the RFI's question) to RFIs created before.
		name: 'Document: Attach to Record (RFI)',
		collection: (sb) => `projects/${sb.seed.projects.tower}/rfis`,
		keyOf: (r) => (typeof r.subject === 'string' ? r.subject : undefined),
		prepare: {
			parameters: (sb) => RFI_CREATE(sb),
			items: (_sb, n, run) => Array.from({ length: n }, (_, k) => ({ json: { subject: `${run} attach ${k}` } })),
		},
		parameters: (sb) => ({
			resource: 'document',
			operation: 'attach',
			project: id(sb.seed.projects.tower),
			recordType: 'rfi',
			recordId: '={{ $json.rfiId }}',
			binaryPropertyName: 'data',
			options: {},
		}),
		items: (sb, n, run) =>
			Array.from({ length: n }, (_, k) => {
				const subject = `${run} attach ${k}`;
				const rfi = sb.store.list(`projects/${sb.seed.projects.tower}/rfis`).find((r) => (r as IDataObject).subject === subject) as IDataObject;
				return { json: { subject, rfiId: String(rfi.id) }, binary: corPdf(`${run}-rfi-${k}`) };
			}),
		itemKey: (item) => String(item.json.subject),
		// An attach has no key to match a file by: a re-run after an unanswered attach could add it again.
		rerunSafe: false,
		contents: (record) => ({ attachments: attachmentCount(record) }),
		expected: { attachments: 1 },
	},
	{
		name: 'Timecard Entry: Create Many',
		collection: (sb) => `projects/${sb.seed.projects.tower}/timecard_entries`,
		keyOf: (r) => (r.origin_id === undefined || r.origin_id === null ? undefined : String(r.origin_id)),
		parameters: (sb) => ({
			resource: 'timecardEntry',
			operation: 'createMany',
			project: id(sb.seed.projects.tower),
			worker: { __rl: true, mode: 'id', value: '={{ $json.worker }}' },
			date: '={{ $json.date }}',
			timeEntryMode: 'hours',
			hours: '={{ $json.hours }}',
			costCoding: 'milestone',
			milestone: { __rl: true, mode: 'id', value: '={{ $json.milestone }}' },
			additionalFields: { originId: '={{ $json.originId }}' },
			options: {},
		}),
		items: (sb, n, run) =>
			Array.from({ length: n }, (_, k) => ({
				json: {
					worker: String(Object.values(sb.seed.people)[k % 5]),
					date: `2026-08-${String(1 + (k % 28)).padStart(2, '0')}`,
					hours: 8,
					milestone: `procore:budget_line:cc:${sb.seed.costCodes['03-300']}:cat:${sb.seed.lineItemTypes.labor}`,
					originId: `${run}-tc-${k}`,
				},
			})),
		itemKey: (item) => String(item.json.originId),
		rerunSafe: true,
	},
	{
		name: 'Timecard Entry: Create From Clock-In',
		collection: (sb) => `projects/${sb.seed.projects.tower}/timecard_entries`,
		keyOf: (r) => (r.origin_id === undefined || r.origin_id === null ? undefined : String(r.origin_id)),
		parameters: (sb) => ({
			resource: 'timecardEntry',
			operation: 'createFromClockIn',
			project: id(sb.seed.projects.tower),
			worker: { __rl: true, mode: 'id', value: '={{ $json.worker }}' },
			clockInId: '={{ $json.clockInId }}',
			clockIn: '={{ $json.clockIn }}',
			milestone: { __rl: true, mode: 'id', value: '={{ $json.milestone }}' },
			additionalFields: {},
			options: {},
		}),
		items: (sb, n, run) => {
			// A day of its own per run: Procore keeps one open clock-in per worker and time in.
			const day = clockInRuns++;
			return Array.from({ length: n }, (_, k) => ({
				json: {
					worker: String(Object.values(sb.seed.people)[k % 5]),
					clockInId: `${run}-ci-${k}`,
					clockIn: new Date(Date.UTC(2026, 8, 1 + day, 14, k)).toISOString(),
					milestone: `procore:budget_line:cc:${sb.seed.costCodes['03-300']}:cat:${sb.seed.lineItemTypes.labor}`,
				},
			}));
		},
		itemKey: (item) => `${String(item.json.clockInId)}:${String(item.json.worker)}`,
		rerunSafe: true,
	},
	{
		name: 'Insurance: Create or Update (sync)',
		collection: (sb) => `companies/${sb.companyId}/vendors/${sb.seed.vendors.electrical}/insurances`,
		keyOf: (r) => (r.origin_id === undefined || r.origin_id === null ? undefined : String(r.origin_id)),
		parameters: (sb) => ({
			resource: 'insurance',
			operation: 'upsert',
			scope: 'companyVendor',
			vendor: id(sb.seed.vendors.electrical),
			matchBy: 'originId',
			originId: '={{ $json.certificateId }}',
			insuranceFields: { insuranceType: 'General Liability', policyNumber: '={{ $json.policy }}', expirationDate: '2027-06-30' },
			options: {},
		}),
		items: (_sb, n, run) =>
			Array.from({ length: n }, (_, k) => ({ json: { certificateId: `${run}-coi-${k}`, policy: `GL-${run}-${k}` } })),
		itemKey: (item) => String(item.json.certificateId),
		rerunSafe: true,
	},
	{
		name: 'Document: Upload',
		collection: (sb) => `projects/${sb.seed.projects.tower}/files`,
		keyOf: (r) => (typeof r.name === 'string' ? r.name : undefined),
		parameters: (sb) => ({
			resource: 'document',
			operation: 'upload',
			documentScope: 'project',
			project: id(sb.seed.projects.tower),
			folder: { __rl: true, mode: 'list', value: '' },
			binaryPropertyName: 'data',
			ifExists: 'newVersion',
			options: {},
		}),
		items: (_sb, n, run) =>
			Array.from({ length: n }, (_, k) => ({
				json: { fileName: `${run}-doc-${k}.txt` },
				binary: { data: { data: base64(`document ${k} of ${run}\n`), mimeType: 'text/plain', fileName: `${run}-doc-${k}.txt` } },
			})),
		itemKey: (item) => String(item.json.fileName),
		rerunSafe: true,
	},
	{
		name: 'RFI: Create',
		collection: (sb) => `projects/${sb.seed.projects.tower}/rfis`,
		keyOf: (r) => (typeof r.subject === 'string' ? r.subject : undefined),
		parameters: (sb) => RFI_CREATE(sb),
		items: (_sb, n, run) => Array.from({ length: n }, (_, k) => ({ json: { subject: `${run} RFI ${k}` } })),
		itemKey: (item) => String(item.json.subject),
		// An RFI has no origin ID to find it by: a re-run after an unanswered create could add a second.
		rerunSafe: false,
	},
);

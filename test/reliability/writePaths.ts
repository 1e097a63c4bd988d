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
}

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
			additionalFields: { corNumber: '={{ $json.corNumber }}', scope: 'out_of_scope' },
		}),
		items: (sb, n, run) =>
			Array.from({ length: n }, (_, k) => ({
				json: {
					corId: `${run}-cor-${k}`,
					corNumber: String(k + 1),
					title: `COR ${k + 1}`,
					lines: [
						{ description: 'Crew', costCode: '03-300', quantity: 8, unitCost: 95 },
						{ description: 'Material', costCode: '03-300', amount: 1200 },
					],
				},
			})),
		itemKey: (item) => String(item.json.corId),
		rerunSafe: true,
	},
];

const base64 = (text: string) => Buffer.from(text).toString('base64');

WRITE_PATHS.push(
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
		parameters: (sb) => ({
			resource: 'rfi',
			operation: 'create',
			project: id(sb.seed.projects.tower),
			subject: '={{ $json.subject }}',
			question: 'Which embed plate detail governs at grid C?',
			rfiManager: id(sb.seed.users.pm),
			draft: true,
			additionalFields: {},
			options: {},
		}),
		items: (_sb, n, run) => Array.from({ length: n }, (_, k) => ({ json: { subject: `${run} RFI ${k}` } })),
		itemKey: (item) => String(item.json.subject),
		// An RFI has no origin ID to find it by: a re-run after an unanswered create could add a second.
		rerunSafe: false,
	},
);

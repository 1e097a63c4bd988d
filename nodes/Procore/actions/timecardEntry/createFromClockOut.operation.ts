import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import type { AllocationUnit } from '../../helpers/allocation';
import {
	AllocationError,
	allocate,
	formatClockTime,
	hundredthsToHours,
	localDate,
	minutesToHundredths,
	timeSegments,
	workedMinutes,
} from '../../helpers/allocation';
import { getProjectId, getRecordId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import type { MilestoneRef } from '../../helpers/milestone';
import { formatMilestone, milestoneFields } from '../../helpers/milestone';
import { writeOptions } from '../../helpers/write';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import type { EntryResult, PlannedEntry } from './bulk';
import { PROJECT_BULK_MAX } from './bulk';
import { entryOutput, runBatch } from './batch';
import {
	checkBeforeWriteOption,
	onExistingOption,
	readIdField,
	readIdListOption,
	readMilestone,
	readTime,
	syncedProjectsOption,
	timeEntryMode,
	workerLocator,
} from './parameters';
import { personName } from './preflight';

export const description: INodeProperties[] = forOperation('timecardEntry', 'createFromClockOut', [
	projectLocator,
	workerLocator,
	{
		displayName: 'Clock-Out ID',
		name: 'clockOutId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. co_81234',
		description:
			'The ID of the clock-out in the source app. Each entry gets the origin ID &lt;clock-out ID&gt;:&lt;worker ID&gt;:&lt;milestone&gt;, so exporting the same clock-out again does not add the hours twice.',
	},
	{
		displayName: 'Clock In',
		name: 'clockIn',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-11-20T07:00:00-08:00',
		description: 'When the worker clocked in (ISO 8601, with the project\'s offset)',
	},
	{
		displayName: 'Clock Out',
		name: 'clockOut',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-11-20T15:29:00-08:00',
	},
	{
		displayName: 'Lunch (Minutes)',
		name: 'lunchMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Unpaid break, in whole minutes; taken off the worked time',
	},
	{
		displayName: 'Coworker IDs',
		name: 'coworkerIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5501, 5502',
		description: 'People (party IDs) who worked the same shift with the worker; each gets the same entries',
	},
	timeEntryMode,
	{
		displayName: 'Allocate By',
		name: 'allocationUnit',
		type: 'options',
		options: [
			{ name: 'Percent', value: 'percent', description: 'Shares that add up to 100' },
			{ name: 'Hours', value: 'hours', description: 'Hours per milestone that add up to the worked time' },
		],
		default: 'percent',
	},
	{
		displayName: 'Allocation Source',
		name: 'allocationSource',
		type: 'options',
		options: [
			{ name: 'List', value: 'list', description: 'Enter milestones and shares below' },
			{ name: 'JSON', value: 'json', description: 'An array from the source app, mapped with an expression (e.g. the allocations field of the input item)' },
		],
		default: 'list',
	},
	{
		displayName: 'Allocations',
		name: 'allocations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Milestone',
		default: {},
		displayOptions: { show: { allocationSource: ['list'] } },
		options: [
			{
				displayName: 'Milestone',
				name: 'line',
				values: [
					{
						displayName: 'Milestone',
						name: 'milestone',
						type: 'string',
						default: '',
						placeholder: 'e.g. procore:budget_line:cc:1234:cat:5678',
						description: 'Cost code + category (or procore:wbs_code:&lt;ID&gt;); "Milestone: Get Many" lists them',
					},
					{ displayName: 'Share', name: 'amount', type: 'number', default: 100, description: 'Percent or hours, per Allocate By' },
				],
			},
		],
	},
	{
		displayName: 'Allocations (JSON)',
		name: 'allocationsJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { allocationSource: ['json'] } },
		description:
			'E.g. [{"milestone": "procore:budget_line:cc:1234:cat:5678", "percent": 60}, {"costCodeId": 1, "lineItemTypeId": 2, "percent": 40}] — or "hours" instead of "percent".',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true },
			{ displayName: 'Crew ID', name: 'crewId', type: 'string', default: '' },
			{ displayName: 'Date', name: 'date', type: 'string', default: '', placeholder: 'e.g. 2026-11-20', description: 'The day the time counts for; default: the day of Clock In where it was recorded' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Sub Job ID', name: 'subJobId', type: 'string', default: '' },
			{ displayName: 'Time Type ID', name: 'timecardTimeTypeId', type: 'string', default: '', description: 'Regular, overtime… From "Timecard Time Type: Get Many"' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [checkBeforeWriteOption, onExistingOption, syncedProjectsOption, ...writeOptions].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
]);

interface Line {
	ref: MilestoneRef;
	amount: number;
}

function fail(ctx: IExecuteFunctions, message: string, description: string, i: number): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}

function readLines(ctx: IExecuteFunctions, unit: AllocationUnit, i: number): Line[] {
	if ((ctx.getNodeParameter('allocationSource', i, 'list') as string) === 'json') {
		let raw = ctx.getNodeParameter('allocationsJson', i, '[]') as unknown;
		if (typeof raw === 'string') {
			try {
				raw = jsonParse(raw || '[]');
			} catch {
				fail(ctx, 'Allocations (JSON) is not valid JSON', 'Give an array such as [{"milestone": "procore:budget_line:cc:1:cat:2", "percent": 100}].', i);
			}
		}
		if (!Array.isArray(raw)) fail(ctx, 'Allocations (JSON) must be an array', 'Give one object per milestone, each with "milestone" (or IDs) and "percent" or "hours".', i);
		return (raw as IDataObject[]).map((o, n) => {
			const amount = o[unit] ?? o.amount ?? o.share;
			if (amount === undefined || amount === '' || Number.isNaN(Number(amount))) {
				fail(ctx, `Allocations (JSON) line ${n + 1} has no "${unit}"`, `Give each line a number in "${unit}" (Allocate By is ${unit === 'percent' ? 'Percent' : 'Hours'}).`, i);
			}
			return { ref: readMilestone(ctx, o, `Allocations (JSON) line ${n + 1}`, i), amount: Number(amount) };
		});
	}
	const lines = ((ctx.getNodeParameter('allocations', i, {}) as IDataObject).line ?? []) as IDataObject[];
	return lines.map((l, n) => ({ ref: readMilestone(ctx, l.milestone, `Allocations line ${n + 1}`, i), amount: Number(l.amount) }));
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summarize(results: EntryResult[], who: string, date: string, hours: string, milestones: number, allBudgetLines: boolean, preview: boolean): string {
	const count = (s: string) => results.filter((r) => r.status === s).length;
	const over = `${hours} h${who.includes(' and ') ? ' each' : ''} over ${plural(milestones, allBudgetLines ? 'cost code' : 'milestone')}`;
	if (preview) return `Would write ${plural(results.length, 'timecard entry').replace('entrys', 'entries')} for ${who} on ${date}: ${over}`;
	const created = count('created');
	const parts = [
		created ? `${plural(created, 'timecard entry').replace('entrys', 'entries')} created` : '',
		count('updated') ? `${count('updated')} updated` : '',
		count('existing') ? `${count('existing')} already in Procore` : '',
	].filter(Boolean);
	const head = parts.length === 1 && created ? parts[0] : `Timecard entries: ${parts.join(', ')}`;
	return `${head} for ${who} on ${date}: ${over}`;
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	return await runBatch(
		this,
		items,
		(i) => ({
			target: 'project',
			chunkSize: PROJECT_BULK_MAX,
			onExisting: this.getNodeParameter('options.onExisting', i, 'skip') as 'skip' | 'update',
			check: this.getNodeParameter('options.checkBeforeWrite', i, true) as boolean,
			synced: readIdListOption(this, this.getNodeParameter('options.syncedProjectIds', i, ''), 'Synced Project IDs', i),
		}),
		async (i, settings) => {
			const projectId = getProjectId(this, i);
			const workerId = getRecordId(this, 'worker', 'Worker', i);
			const coworkers = readIdListOption(this, this.getNodeParameter('coworkerIds', i, ''), 'Coworker IDs', i);
			const workers = [...new Set([workerId, ...coworkers])];
			const clockOutId = String(this.getNodeParameter('clockOutId', i)).trim();
			const clockIn = readTime(this, this.getNodeParameter('clockIn', i), 'Clock In', i);
			const clockOut = readTime(this, this.getNodeParameter('clockOut', i), 'Clock Out', i);
			const lunch = Number(this.getNodeParameter('lunchMinutes', i, 0));
			const mode = this.getNodeParameter('timeEntryMode', i, 'hours') as string;
			const unit = this.getNodeParameter('allocationUnit', i, 'percent') as AllocationUnit;
			const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const date = additional.date ? isoDay(this, additional.date, 'Date', i) : localDate(clockIn);
			const lines = readLines(this, unit, i);
			let worked: number;
			let shares: Array<{ key: MilestoneRef; units: number }>;
			try {
				worked = workedMinutes(clockIn, clockOut, lunch);
				const total = mode === 'startStop' ? worked : minutesToHundredths(worked);
				shares = allocate(
					lines.map((l) => ({ key: l.ref, amount: l.amount })),
					unit,
					worked,
					total,
					(a, b) => formatMilestone(a) === formatMilestone(b),
				);
			} catch (error) {
				const known = error instanceof AllocationError;
				return fail(
					this,
					(error as Error).message,
					known ? 'Check Clock In, Clock Out, Lunch (Minutes) and the Allocations: the shares must cover exactly the worked time.' : '',
					i,
				);
			}
			const names = new Map<string, string>();
			if (settings.preflight) {
				await settings.preflight.project(projectId, i);
				for (const w of workers) names.set(w, personName(await settings.preflight.worker(projectId, w, i), w));
				for (const s of shares) await settings.preflight.milestone(projectId, s.key, i);
			}
			const common: IDataObject = { date };
			for (const [param, field, label] of [
				['crewId', 'crew_id', 'Crew ID'],
				['subJobId', 'sub_job_id', 'Sub Job ID'],
				['timecardTimeTypeId', 'timecard_time_type_id', 'Time Type ID'],
			]) {
				const id = readIdField(this, additional[param], label, i);
				if (id) common[field] = id;
			}
			if (additional.billable !== undefined) common.billable = additional.billable;
			if (additional.description) common.description = additional.description;
			const segments = mode === 'startStop' ? timeSegments(clockIn.epochMs, shares.map((s) => s.units), lunch) : [];
			const entries: Array<Omit<PlannedEntry, 'itemIndex'>> = [];
			for (const party of workers) {
				shares.forEach((share, n) => {
					const entry: IDataObject = { ...common, party_id: party, ...milestoneFields(share.key) };
					if (mode === 'startStop') {
						entry.time_in = formatClockTime(segments[n].timeIn, clockIn.offset);
						entry.time_out = formatClockTime(segments[n].timeOut, clockIn.offset);
						entry.lunch_time = String(segments[n].lunchMinutes);
					} else {
						entry.hours = hundredthsToHours(share.units);
					}
					entries.push({ projectId, entry, originId: `${clockOutId}:${party}:${formatMilestone(share.key)}` });
				});
			}
			const workerName = names.get(workerId) ?? `worker ${workerId}`;
			const who = workers.length > 1 ? `${workerName} and ${plural(workers.length - 1, 'coworker')}` : workerName;
			const hours = hundredthsToHours(minutesToHundredths(worked));
			return {
				entries,
				output: (results: EntryResult[], preview: boolean) => ({
					summary: summarize(results, who, date, hours, shares.length, shares.every((s) => s.key.kind === 'budgetLine'), preview),
					clock_out_id: clockOutId,
					project_id: projectId,
					worker_id: workerId,
					worker_name: workerName,
					coworker_ids: workers.slice(1),
					date,
					worked_minutes: worked,
					hours,
					milestones: shares.map((s) => formatMilestone(s.key)),
					entries: results.map(entryOutput),
				}),
			};
		},
		assertRequired,
	);
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { asNodeError, errorItem } from '../../helpers/errorItem';
import { groupItems } from '../../helpers/groupItems';
import { simplify } from '../../helpers/output';
import { auditTagFor, formatAuditTag } from '../../helpers/write';
import type { BulkOptions, EntryResult, PlannedEntry } from './bulk';
import { writeEntries } from './bulk';
import { Preflight } from './preflight';
import { ProjectRecords } from './projects';
import type { RemovedEntry, ReplacedEntries } from './replaced';

export interface ItemPlan {
	entries: Array<Omit<PlannedEntry, 'itemIndex'>>;
	/** Entries written earlier for the same source record that this item replaces (Update mode). */
	replaces?: Omit<ReplacedEntries, 'itemIndex'>;
	/** Builds the item's output from its entries' results (the summary sentence, the totals). */
	output: (results: EntryResult[], preview: boolean, removed: RemovedEntry[]) => IDataObject;
}

export interface BatchSettings {
	companyId: string;
	/** Project records read once per project per execution (active flag, time zone). */
	projects: ProjectRecords;
	preflight?: Preflight;
	options: BulkOptions;
}

/** The settings of a bulk call that an item may set by expression (its Company and Options). */
export type ItemBatchOptions = Omit<BulkOptions, 'auditTag' | 'previewOnly'> & { check: boolean; synced: string[] };

/** An entry of a bulk item as Procore holds it (the planned one if nothing came back), with what this run did to it. */
export function entryRecord(result: EntryResult): IDataObject {
	const out: IDataObject = { ...(result.record ?? { ...result.planned.entry, project_id: result.planned.projectId }), status: result.status };
	if (result.planned.originId) out.origin_id = result.planned.originId;
	if (result.changes?.length) out.changes = result.changes;
	if (result.error) out.error = result.error.message;
	return out;
}

/** An entry an edit replaced (deleted, or that would be / could not be), as it was in Procore. */
export function removedRecord(removed: RemovedEntry): IDataObject {
	const out: IDataObject = { ...removed.record, status: removed.status };
	if (removed.error) out.error = removed.error.message;
	return out;
}

/** What a list of entries keeps in Simplified output and in a failed item's report. */
const ENTRY_BRIEF = ['id', 'status', 'date', 'party_id', 'cost_code_id', 'line_item_type_id', 'wbs_code_id', 'hours', 'time_in', 'time_out', 'origin_id'];

export function briefEntries(entries: unknown): IDataObject[] {
	return (Array.isArray(entries) ? (entries as IDataObject[]) : []).map((e) => ({ ...simplify(e, ENTRY_BRIEF), ...(e.error ? { error: e.error } : {}) }));
}

interface Group {
	settings: BatchSettings;
	items: number[];
}

/**
 * Items that share a Company and the same Options go into the same bulk calls; an item whose
 * Company or Options differ (set by expression, e.g. one integrator routing several clients)
 * gets calls of its own with its own values: never the first item's (helpers/groupItems.ts).
 */
async function groupBySettings(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	batchOptions: (i: number) => ItemBatchOptions,
): Promise<{ groupOf: Array<Group | Error>; groups: Group[] }> {
	const groupOf = new Array<Group | Error>(items.length);
	const grouped = await groupItems(
		items.length,
		async (i) => ({
			companyId: await getCompanyId(ctx, i),
			chosen: batchOptions(i),
			previewOnly: ctx.getNodeParameter('options.previewOnly', i, false) as boolean,
			tagEnabled: ctx.getNodeParameter('options.auditTag', i, true) as boolean,
		}),
		(i, error) => {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
			groupOf[i] = error;
		},
	);
	const projectsByCompany = new Map<string, ProjectRecords>();
	const groups = grouped.map(({ settings: { companyId, chosen, previewOnly, tagEnabled }, itemIndexes }) => {
		let projects = projectsByCompany.get(companyId);
		if (!projects) projectsByCompany.set(companyId, (projects = new ProjectRecords(ctx, companyId)));
		const group: Group = {
			items: itemIndexes,
			settings: {
				companyId,
				projects,
				preflight: chosen.check ? new Preflight(ctx, companyId, projects, chosen.synced) : undefined,
				options: {
					target: chosen.target,
					chunkSize: chosen.chunkSize,
					onExisting: chosen.onExisting,
					searchProjects: chosen.synced,
					previewOnly,
					auditTag: tagEnabled ? formatAuditTag(auditTagFor(ctx, itemIndexes[0])) : undefined,
				},
			},
		};
		for (const i of itemIndexes) groupOf[i] = group;
		return group;
	});
	return { groupOf, groups };
}

/**
 * Runs a bulk timecard operation: plans every item first (bad input and failed checks are per
 * item, and with Continue On Fail off they stop the run before anything is written), writes the
 * planned entries of each group of items sharing Company and Options in the fewest calls, then
 * gives one output per input item, paired, in input order.
 */
export async function runBatch(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	batchOptions: (i: number) => ItemBatchOptions,
	plan: (i: number, settings: BatchSettings) => Promise<ItemPlan>,
	/** The router's check of every required parameter (see BatchOperation). */
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	const { groupOf, groups } = await groupBySettings(ctx, items, batchOptions);
	const plans: Array<ItemPlan | Error> = [];
	for (let i = 0; i < items.length; i++) {
		const group = groupOf[i];
		if (group instanceof Error) {
			plans.push(group);
			continue;
		}
		try {
			assertRequired(i);
			plans.push(await plan(i, group.settings));
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error as Error, i);
			plans.push(error as Error);
		}
	}
	const out: INodeExecutionData[] = new Array<INodeExecutionData>(items.length);
	plans.forEach((p, i) => {
		if (p instanceof Error) out[i] = errorItem(ctx, p, i);
	});
	for (const group of groups) {
		const planned: PlannedEntry[] = [];
		const owner: number[] = [];
		const replaced: ReplacedEntries[] = [];
		for (const i of group.items) {
			const p = plans[i];
			if (p instanceof Error) continue;
			if (p.replaces) replaced.push({ ...p.replaces, itemIndex: i });
			for (const entry of p.entries) {
				planned.push({ ...entry, itemIndex: i });
				owner.push(i);
			}
		}
		const { options } = group.settings;
		const report = await writeEntries(ctx, group.settings.companyId, planned, options, replaced);
		for (const i of group.items) {
			const p = plans[i];
			if (p instanceof Error) continue;
			const results = report.results.filter((_, k) => owner[k] === i);
			const removed = report.removed.filter((r) => r.itemIndex === i);
			const failed = [...results, ...removed].find((r) => r.status === 'failed');
			if (failed) {
				if (!ctx.continueOnFail()) throw asNodeError(ctx, failed.error!, i);
				out[i] = errorItem(ctx, failed.error!, i, { entries: briefEntries(results.map(entryRecord)), removed: briefEntries(removed.map(removedRecord)) });
				continue;
			}
			const json = p.output(results, options.previewOnly, removed);
			if (options.previewOnly) {
				const positions = new Set(report.results.map((r, k) => (owner[k] === i ? k : -1)).filter((k) => k >= 0));
				json.preview = true;
				json.requests = report.requests
					.filter((r) => r.entries.some((k) => positions.has(k)))
					.map((r) => ({ method: r.method, path: r.path, body: r.body }))
					.concat(removed.map((r) => ({ method: 'DELETE', path: r.path, body: {} })));
			}
			// The package's own keys, in Procore's snake_case (docs/architecture.md).
			json.write_calls = report.writeCalls;
			if (options.auditTag) json.audit_tag = options.auditTag;
			out[i] = { json, pairedItem: { item: i } };
		}
	}
	return out;
}

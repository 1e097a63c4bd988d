import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { simplify } from '../../helpers/output';
import { assertRequiredParameters } from '../../helpers/requiredParameters';
import { auditTagFor, formatAuditTag } from '../../helpers/write';
import { properties } from '../properties';
import { asNodeError, errorItem } from '../router';
import type { BulkOptions, EntryResult, PlannedEntry } from './bulk';
import { writeEntries } from './bulk';
import { TIMECARD_FIELDS } from './fields';
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

export function entryOutput(result: EntryResult): IDataObject {
	const out: IDataObject = { status: result.status, ...simplify(result.record ?? {}, TIMECARD_FIELDS) };
	if (result.planned.originId) out.origin_id = result.planned.originId;
	if (result.changes?.length) out.changes = result.changes;
	if (result.error) out.error = result.error.message;
	return out;
}

export function removedOutput(removed: RemovedEntry): IDataObject {
	const out: IDataObject = { status: removed.status, ...simplify(removed.record, TIMECARD_FIELDS) };
	if (removed.error) out.error = removed.error.message;
	return out;
}

interface Group {
	settings: BatchSettings;
	items: number[];
}

/**
 * Items that share a Company and the same Options go into the same bulk calls; an item whose
 * Company or Options differ (set by expression, e.g. one integrator routing several clients)
 * gets calls of its own with its own values: never the first item's.
 */
async function groupItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	batchOptions: (i: number) => ItemBatchOptions,
): Promise<{ groupOf: Array<Group | Error>; groups: Group[] }> {
	const byKey = new Map<string, Group>();
	const groupOf: Array<Group | Error> = [];
	const projectsByCompany = new Map<string, ProjectRecords>();
	for (let i = 0; i < items.length; i++) {
		try {
			const companyId = await getCompanyId(ctx, i);
			const chosen = batchOptions(i);
			const previewOnly = ctx.getNodeParameter('options.previewOnly', i, false) as boolean;
			const tagEnabled = ctx.getNodeParameter('options.auditTag', i, true) as boolean;
			const key = JSON.stringify([companyId, chosen, previewOnly, tagEnabled]);
			let group = byKey.get(key);
			if (!group) {
				let projects = projectsByCompany.get(companyId);
				if (!projects) projectsByCompany.set(companyId, (projects = new ProjectRecords(ctx, companyId)));
				group = {
					items: [],
					settings: {
						companyId,
						projects,
						preflight: chosen.check ? new Preflight(ctx, companyId, projects, chosen.synced) : undefined,
						options: {
							target: chosen.target,
							chunkSize: chosen.chunkSize,
							onExisting: chosen.onExisting,
							previewOnly,
							auditTag: tagEnabled ? formatAuditTag(auditTagFor(ctx)) : undefined,
						},
					},
				};
				byKey.set(key, group);
			}
			group.items.push(i);
			groupOf.push(group);
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error as Error, i);
			groupOf.push(error as Error);
		}
	}
	return { groupOf, groups: [...byKey.values()] };
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
): Promise<INodeExecutionData[]> {
	const { groupOf, groups } = await groupItems(ctx, items, batchOptions);
	const plans: Array<ItemPlan | Error> = [];
	for (let i = 0; i < items.length; i++) {
		const group = groupOf[i];
		if (group instanceof Error) {
			plans.push(group);
			continue;
		}
		try {
			assertRequiredParameters(ctx, properties, i);
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
				out[i] = errorItem(ctx, failed.error!, i, { entries: results.map(entryOutput), removed: removed.map(removedOutput) });
				continue;
			}
			const json = p.output(results, options.previewOnly, removed);
			const meta: IDataObject = { writeCalls: report.writeCalls, auditTag: options.auditTag ?? null };
			if (options.previewOnly) {
				const positions = new Set(report.results.map((r, k) => (owner[k] === i ? k : -1)).filter((k) => k >= 0));
				json.preview = true;
				json.requests = report.requests
					.filter((r) => r.entries.some((k) => positions.has(k)))
					.map((r) => ({ method: r.method, path: r.path, body: r.body }))
					.concat(removed.map((r) => ({ method: 'DELETE', path: r.path, body: {} })));
			}
			json._n8n = meta;
			out[i] = { json, pairedItem: { item: i } };
		}
	}
	return out;
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { asNodeError, errorItem } from '../../helpers/errorItem';
import type { ItemGroup } from '../../helpers/groupItems';
import { groupItems } from '../../helpers/groupItems';
import { simplify } from '../../helpers/output';
import { auditTagFor, formatAuditTag } from '../../helpers/write';
import type { BulkOptions, EntryResult, PlannedEntry } from './bulk';
import { writeEntries } from './bulk';
import { TIMECARD_FIELDS } from './fields';
import { Preflight } from './preflight';

export interface ItemPlan {
	entries: Array<Omit<PlannedEntry, 'itemIndex'>>;
	/** Builds the item's output from its entries' results (the summary sentence, the totals). */
	output: (results: EntryResult[], preview: boolean) => IDataObject;
}

export interface BatchSettings {
	companyId: string;
	preflight?: Preflight;
	options: BulkOptions;
}

export function entryOutput(result: EntryResult): IDataObject {
	const out: IDataObject = { status: result.status, ...simplify(result.record ?? {}, TIMECARD_FIELDS) };
	if (result.planned.originId) out.origin_id = result.planned.originId;
	if (result.changes?.length) out.changes = result.changes;
	if (result.error) out.error = result.error.message;
	return out;
}

type ChosenOptions = Omit<BulkOptions, 'auditTag' | 'previewOnly'> & { check: boolean; synced: string[] };

/** What one item's Company and Options resolve to; items that resolve alike are written together. */
interface GroupSettings {
	companyId: string;
	chosen: ChosenOptions;
	previewOnly: boolean;
	tagEnabled: boolean;
}

/**
 * Runs a bulk timecard operation: reads every item's Company and Options and groups the items that
 * share them (each group is written with its own values), plans every item (bad input and failed
 * checks are per item, and with Continue On Fail off they stop the run before anything is
 * written), writes each group's planned entries in the fewest calls, then gives one output per
 * input item, paired.
 */
export async function runBatch(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	batchOptions: (itemIndex: number, settings: { companyId: string }) => ChosenOptions,
	plan: (i: number, settings: BatchSettings) => Promise<ItemPlan>,
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	const out: Array<INodeExecutionData | undefined> = new Array(items.length);
	const fail = (i: number, error: Error) => {
		if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
		out[i] = errorItem(ctx, error, i);
	};
	const groups = await groupItems<GroupSettings>(
		items.length,
		async (i) => {
			assertRequired(i);
			const companyId = await getCompanyId(ctx, i);
			return {
				companyId,
				chosen: batchOptions(i, { companyId }),
				previewOnly: ctx.getNodeParameter('options.previewOnly', i, false) as boolean,
				tagEnabled: ctx.getNodeParameter('options.auditTag', i, true) as boolean,
			};
		},
		fail,
	);
	const planned: Array<{ group: ItemGroup<GroupSettings>; settings: BatchSettings; plans: Map<number, ItemPlan> }> = [];
	for (const group of groups) {
		const { companyId, chosen, previewOnly, tagEnabled } = group.settings;
		const settings: BatchSettings = {
			companyId,
			preflight: chosen.check ? new Preflight(ctx, companyId, chosen.synced) : undefined,
			options: {
				target: chosen.target,
				chunkSize: chosen.chunkSize,
				onExisting: chosen.onExisting,
				previewOnly,
				auditTag: tagEnabled ? formatAuditTag(auditTagFor(ctx)) : undefined,
			},
		};
		const plans = new Map<number, ItemPlan>();
		for (const i of group.itemIndexes) {
			try {
				plans.set(i, await plan(i, settings));
			} catch (error) {
				fail(i, error as Error);
			}
		}
		planned.push({ group, settings, plans });
	}
	for (const { settings, plans } of planned) await writeGroup(ctx, settings, plans, out);
	return out.filter((o): o is INodeExecutionData => o !== undefined);
}

/** Writes one group's planned entries and puts each item's output in `out`. */
async function writeGroup(
	ctx: IExecuteFunctions,
	settings: BatchSettings,
	plans: Map<number, ItemPlan>,
	out: Array<INodeExecutionData | undefined>,
): Promise<void> {
	const previewOnly = settings.options.previewOnly;
	const planned: PlannedEntry[] = [];
	const owner: number[] = [];
	for (const [i, p] of plans) {
		for (const entry of p.entries) {
			planned.push({ ...entry, itemIndex: i });
			owner.push(i);
		}
	}
	if (!planned.length) return;
	const report = await writeEntries(ctx, settings.companyId, planned, settings.options);
	for (const [i, p] of plans) {
		const results = report.results.filter((_, k) => owner[k] === i);
		const failed = results.find((r) => r.status === 'failed');
		if (failed) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, failed.error!, i);
			out[i] = errorItem(ctx, failed.error!, i, { entries: results.map(entryOutput) });
			continue;
		}
		const json = p.output(results, previewOnly);
		if (previewOnly) {
			const positions = new Set(report.results.map((r, k) => (owner[k] === i ? k : -1)).filter((k) => k >= 0));
			json.preview = true;
			json.requests = report.requests
				.filter((r) => r.entries.some((k) => positions.has(k)))
				.map((r) => ({ method: r.method, path: r.path, body: r.body }));
		}
		json.write_calls = report.writeCalls;
		if (settings.options.auditTag) json.audit_tag = settings.options.auditTag;
		out[i] = { json, pairedItem: { item: i } };
	}
}

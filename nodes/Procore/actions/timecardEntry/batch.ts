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

/**
 * Runs a bulk timecard operation: plans every item first (bad input and failed checks are per
 * item, and with Continue On Fail off they stop the run before anything is written), writes all
 * planned entries in the fewest calls, then gives one output per input item, paired.
 */
export async function runBatch(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	batchOptions: (settings: { companyId: string }) => Omit<BulkOptions, 'auditTag' | 'previewOnly'> & { check: boolean; synced: string[] },
	plan: (i: number, settings: BatchSettings) => Promise<ItemPlan>,
): Promise<INodeExecutionData[]> {
	const companyId = await getCompanyId(ctx, 0);
	const chosen = batchOptions({ companyId });
	const previewOnly = ctx.getNodeParameter('options.previewOnly', 0, false) as boolean;
	const tagEnabled = ctx.getNodeParameter('options.auditTag', 0, true) as boolean;
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
	const plans: Array<ItemPlan | Error> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			assertRequiredParameters(ctx, properties, i);
			plans.push(await plan(i, settings));
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error as Error, i);
			plans.push(error as Error);
		}
	}
	const planned: PlannedEntry[] = [];
	const owner: number[] = [];
	plans.forEach((p, i) => {
		if (p instanceof Error) return;
		for (const entry of p.entries) {
			planned.push({ ...entry, itemIndex: i });
			owner.push(i);
		}
	});
	const report = await writeEntries(ctx, companyId, planned, settings.options);
	const out: INodeExecutionData[] = [];
	plans.forEach((p, i) => {
		if (p instanceof Error) {
			out.push(errorItem(ctx, p, i));
			return;
		}
		const results = report.results.filter((_, k) => owner[k] === i);
		const failed = results.find((r) => r.status === 'failed');
		if (failed) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, failed.error!, i);
			out.push(errorItem(ctx, failed.error!, i, { entries: results.map(entryOutput) }));
			return;
		}
		const json = p.output(results, previewOnly);
		const meta: IDataObject = { writeCalls: report.writeCalls, auditTag: settings.options.auditTag ?? null };
		if (previewOnly) {
			const positions = new Set(report.results.map((r, k) => (owner[k] === i ? k : -1)).filter((k) => k >= 0));
			json.preview = true;
			json.requests = report.requests
				.filter((r) => r.entries.some((k) => positions.has(k)))
				.map((r) => ({ method: r.method, path: r.path, body: r.body }));
		}
		json._n8n = meta;
		out.push({ json, pairedItem: { item: i } });
	});
	return out;
}

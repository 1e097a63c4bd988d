import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { auditTagFor, formatAuditTag, procoreWrite } from '../../helpers/write';
import { forOperation } from '../operationSelector';
import { findExisting, projectEntries } from './existing';
import { explainTimecardError } from './errors';
import { ID_FIELDS, TIMECARD_FIELDS } from './fields';
import { readEntry, readIdListOption } from './input';
import { entryParameters } from './parameters';
import { ProjectRecords } from './projects';
import { Preflight, explained, personName } from './preflight';

export const description: INodeProperties[] = forOperation('timecardEntry', 'create', entryParameters([]));

function wire(entry: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(entry).map(([k, v]) => [k, ID_FIELDS.includes(k) && typeof v === 'string' ? toProcoreId(v) : v]),
	) as IDataObject;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const input = readEntry(this, i);
	const { projectId, partyId, entry, originId } = input;
	let name = `worker ${partyId}`;
	if (this.getNodeParameter('options.checkBeforeWrite', i, true) as boolean) {
		const preflight = new Preflight(this, companyId, new ProjectRecords(this, companyId), readIdListOption(this, this.getNodeParameter('options.syncedProjectIds', i, ''), 'Synced Project IDs', i));
		await preflight.project(projectId, i);
		name = personName(await preflight.worker(projectId, partyId, i), partyId);
		if (input.ref) await preflight.milestone(projectId, input.ref, i);
	}
	const amount = entry.hours ? `${String(entry.hours)} h` : `${String(entry.time_in)} to ${String(entry.time_out)}`;
	const what = `timecard entry for ${name} on ${String(entry.date)} (${amount})`;
	if (originId) entry.origin_id = originId;

	const existing = originId
		? (await explained(findExisting(async (...a) => await projectEntries(this, companyId, ...a), projectId, [String(entry.date)], new Set([originId]), i))).get(originId)
		: undefined;
	try {
		if (existing) {
			if ((this.getNodeParameter('options.onExisting', i, 'skip') as string) === 'skip') {
				return { ...existing, skipped: true, summary: `Already in Procore: ${what} (origin ID ${originId}); nothing written` };
			}
			return await procoreWrite.call(this, {
					itemIndex: i,
					action: 'update',
					recordLabel: 'Timecard Entry',
					request: {
						method: 'PATCH',
						path: `/rest/v1.1/projects/${projectId}/project_timecard_entries/${String(existing.id)}`,
						body: wire(entry),
						companyId,
					},
					auditField: null,
					previous: existing,
					summarize: (_r, changes, preview) =>
						`${preview ? 'Would update' : 'Updated'} ${what}${changes.length ? `: ${changes.map((c) => c.field).join(', ')} changed` : ': nothing changed'}`,
			});
		}
		if (entry.wbs_code_id || (originId && !/^\d+$/.test(originId))) {
			// Only the bulk endpoint documents wbs_code_id, and only its schema types origin_id as a
			// string (the single create's says integer): a bulk of one keeps the create atomic.
			if (entry.origin_data === undefined && (this.getNodeParameter('options.auditTag', i, true) as boolean)) {
				entry.origin_data = formatAuditTag(auditTagFor(this, i));
			}
			const result = await procoreWrite.call(this, {
				itemIndex: i,
				action: 'create',
				recordLabel: 'Timecard Entry',
				request: {
					method: 'POST',
					path: `/rest/v1.1/projects/${projectId}/project_timecard_entries/bulk_create`,
					body: { timecard_entries: [wire({ project_id: projectId, ...entry })] },
					companyId,
				},
				auditField: null,
				summarize: (_r, _c, preview) => `${preview ? 'Would create' : 'Created'} ${what}`,
			});
			const created = Array.isArray(result.timecard_entries) ? (result.timecard_entries as IDataObject[])[0] : undefined;
			const rest = { ...result };
			if (created) delete rest.timecard_entries;
			return { ...(created ?? {}), ...rest };
		}
		const result = await procoreWrite.call(this, {
			itemIndex: i,
			action: 'create',
			recordLabel: 'Timecard Entry',
			request: { method: 'POST', path: `/rest/v1.1/projects/${projectId}/project_timecard_entries`, body: wire(entry), companyId },
			auditField: 'origin_data',
			summarize: (_r, _c, preview) => `${preview ? 'Would create' : 'Created'} ${what}`,
		});
		return result;
	} catch (error) {
		throw explainTimecardError(error as Error);
	}
}

export const output: OutputSpec = { fields: TIMECARD_FIELDS };

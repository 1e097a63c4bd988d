import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { dayRange, sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, pickFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { explained } from './preflight';
import { TIMECARD_FIELDS, idOfRecord, partyOf } from './fields';
import { readIdField, readMilestone } from './input';
import { milestoneLocator } from './parameters';

export const description: INodeProperties[] = [
	...forOperation('timecardEntry', 'getAll', [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'Project', value: 'project', description: 'Entries of one project' },
				{ name: 'Company', value: 'company', description: 'Entries of every project of the company (needs access to the company Timecard tool)' },
			],
			default: 'project',
		},
		{ ...projectLocator, displayOptions: { show: { scope: ['project'] } } },
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 2026-11-16',
			description: 'First day (YYYY-MM-DD). Always sent: without a range Procore returns today only.',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-11-22',
			description: 'Last day, inclusive. Empty: the Start Date only.',
		},
	]),
	...returnAllOrLimit({ resource: ['timecardEntry'], operation: ['getAll'] }),
	...forOperation('timecardEntry', 'getAll', [
		filtersCollection([
			{
				displayName: 'Clock-Ins Still Open',
				name: 'inProgress',
				type: 'options',
				options: [
					{ name: 'Leave Out', value: 'exclude', description: 'Finished entries only (Procore\'s default)' },
					{ name: 'Include', value: 'include', description: 'Finished entries and in-progress ones (clocked in, not out yet)' },
					{ name: 'Only', value: 'only', description: 'Only in-progress entries: who is clocked in now' },
				],
				default: 'exclude',
				description: 'In-progress entries (a clock-in exported before its clock-out) show only on the company list, when asked for',
				displayOptions: { show: { '/scope': ['company'] } },
			},
			{
				...milestoneLocator,
				required: false,
				description: 'Only entries charged to this cost code + category (or WBS code) of the project',
				// Milestones are a project's cost codes: there is no list to pick from across the company.
				displayOptions: { show: { '/scope': ['project'] } },
			},
			{ displayName: 'Origin ID', name: 'originId', type: 'string', default: '', description: 'Only the entry (or entries) with this origin ID from the source system' },
			{ displayName: 'Origin ID Starts With', name: 'originPrefix', type: 'string', default: '', description: 'E.g. a clock-out ID followed by a colon, to see every entry exported from it.' },
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
			pickFromList('workerId', 'Worker', 'searchTimecardWorkers', 'Only this person\'s entries (the project\'s people, or the company\'s with Scope Company)'),
		]),
	]),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const scope = this.getNodeParameter('scope', i, 'project') as string;
	const projectId = scope === 'company' ? undefined : getProjectId(this, i);
	const { start, end } = dayRange(this, this.getNodeParameter('startDate', i), this.getNodeParameter('endDate', i, ''), i);
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const workerId = readIdField(this, f.workerId, 'Worker', i);
	const since = f.updatedSince ? sinceRange(this, f.updatedSince, i) : undefined;
	// An untouched picker is { mode: 'list', value: '' }: no filter.
	const milestone = normalizeId(f.milestone) ? readMilestone(this, f.milestone, 'Milestone', i) : undefined;
	const qs: IDataObject = { start_date: start, end_date: end };
	let path: string;
	if (scope === 'company') {
		path = `/rest/v1.0/companies/${companyId}/timecard_entries`;
		if (workerId) qs['filters[party_id]'] = workerId;
		if (since) qs['filters[updated_at]'] = since;
		if (f.inProgress === 'include') qs['filters[include_in_progress]'] = true;
		if (f.inProgress === 'only') qs['filters[in_progress_only]'] = true;
	} else {
		path = `/rest/v1.0/projects/${projectId}/timecard_entries`;
	}
	// The project list filters on none of these, and the company list's support for origin_id is
	// UNCONFIRMED: each filter is also applied here, so both answers give the same result.
	const sinceMs = f.updatedSince ? Date.parse(String(f.updatedSince)) : undefined;
	const keep = (e: IDataObject): boolean => {
		if (workerId && partyOf(e) !== workerId) return false;
		if (sinceMs !== undefined && !(Date.parse(String(e.updated_at ?? '')) >= sinceMs)) return false;
		if (f.originId && String(e.origin_id ?? '') !== String(f.originId)) return false;
		if (f.originPrefix && !String(e.origin_id ?? '').startsWith(String(f.originPrefix))) return false;
		if (milestone) {
			const ref = milestone;
			if (ref.kind === 'wbs' && idOfRecord(e.wbs_code_id ?? e.wbs_code) !== ref.wbsCodeId) return false;
			if (ref.kind === 'budgetLine' && (idOfRecord(e.cost_code_id ?? e.cost_code) !== ref.costCodeId || idOfRecord(e.line_item_type_id ?? e.line_item_type) !== ref.lineItemTypeId)) return false;
		}
		return true;
	};
	const filtering = Boolean(workerId || sinceMs !== undefined || f.originId || f.originPrefix || milestone);
	let rows = await explained(
		procoreApiRequestAllItems.call(this, { method: 'GET', path, qs, companyId, itemIndex: i }, { limit: filtering ? undefined : limit }),
	);
	rows = rows.filter(keep);
	if (limit !== undefined) rows = rows.slice(0, limit);
	return rows;
}

export const output: OutputSpec = { fields: TIMECARD_FIELDS };

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import { simplify, type OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { pickFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = [
	...forOperation('drawing', 'getAll', [
		projectLocator,
		{
			displayName: 'Revisions',
			name: 'revisions',
			type: 'options',
			options: [
				{ name: 'All Revisions', value: 'all', description: 'Every revision, superseded ones included (obsolete: true)' },
				{ name: 'Current Set', value: 'current', description: 'The current revision of each drawing: what the field builds from' },
				{ name: 'One Drawing Set', value: 'set', description: 'The revisions issued in one drawing set (e.g. Permit Set)' },
			],
			default: 'current',
		},
		{ ...pickFromList('drawingSetId', 'Drawing Set', 'searchDrawingSets'), required: true, displayOptions: { show: { revisions: ['set'] } } },
	]),
	...returnAllOrLimit({ resource: ['drawing'], operation: ['getAll'] }),
	...forOperation('drawing', 'getAll', [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				pickFromList('disciplineId', 'Discipline', 'searchDrawingDisciplines'),
				pickFromList('drawingAreaId', 'Drawing Area', 'searchDrawingAreas'),
				{
					displayName: 'Group by Drawing',
					name: 'groupByDrawing',
					type: 'boolean',
					default: false,
					description: 'Whether to return one item per drawing (its newest revision\'s fields) with every revision listed in `revisions`, instead of one item per revision',
				},
				{ displayName: 'Search', name: 'query', type: 'string', default: '', description: 'Words to look for in the drawing number or title, e.g. "A-1"' },
				{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
			],
		},
	]),
];

const REVISION_FIELDS = ['id', 'revision_number', 'drawing_set.name', 'drawing_date', 'received_date', 'current', 'pdf_url'];

/** One item per drawing: its newest revision, with every revision (oldest first) under `revisions`. */
function groupByDrawing(revisions: IDataObject[]): IDataObject[] {
	const groups = new Map<string, IDataObject[]>();
	for (const r of revisions) {
		const key = String(r.drawing_id ?? r.number ?? r.id);
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	const order = (r: IDataObject) => (r.current === true ? 1 : 0);
	return [...groups.values()].map((list) => {
		const sorted = [...list].sort((a, b) => order(a) - order(b) || String(a.revision_number ?? '').localeCompare(String(b.revision_number ?? ''), undefined, { numeric: true }));
		const newest = sorted[sorted.length - 1];
		return {
			...newest,
			revisions: sorted.map((r) => simplify(r, REVISION_FIELDS)),
		};
	});
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const revisions = this.getNodeParameter('revisions', i, 'current') as string;
	const o = this.getNodeParameter('options', i, {}) as IDataObject;
	const limit = readLimit(this, i);
	const qs: IDataObject = {};
	// Procore lists the current revisions unless with_obsolete=true adds the superseded ones
	// (its drawing_set_id is typed as a number, so the `current_set` its text mentions is not sent).
	// A set's revisions stay in it after a later set supersedes them.
	if (revisions !== 'current') qs.with_obsolete = true;
	if (revisions === 'set') qs.drawing_set_id = normalizeId(this.getNodeParameter('drawingSetId', i));
	if (normalizeId(o.drawingAreaId)) qs.drawing_area_id = normalizeId(o.drawingAreaId);
	if (normalizeId(o.disciplineId)) qs.drawing_discipline_id = normalizeId(o.disciplineId);
	if (o.query) qs.query = o.query;
	if (o.updatedSince) qs['filters[updated_at]'] = sinceRange(this, o.updatedSince, i);
	const group = o.groupByDrawing === true;
	const rows = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/rest/v1.0/projects/${projectId}/drawing_revisions`, qs, companyId, itemIndex: i },
		// Grouping needs every revision of a drawing: the limit then counts drawings.
		{ limit: group || revisions === 'current' ? undefined : limit },
	);
	const kept = revisions === 'current' ? rows.filter((r) => r.current !== false && r.obsolete !== true) : rows;
	const out = group ? groupByDrawing(kept) : kept;
	return limit === undefined ? out : out.slice(0, limit);
}

export const output: OutputSpec = {
	fields: ['id', 'number', 'title', 'revision_number', 'current', 'drawing_set.name', 'discipline.name', 'drawing_date', 'pdf_url', 'revisions'],
};

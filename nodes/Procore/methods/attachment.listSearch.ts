import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { CommitmentType } from '../actions/commitment/common';
import { contractSegment } from '../actions/commitment/common';
import { getCompanyId, getProjectId, normalizeId } from '../helpers/context';
import { procoreApiRequest } from '../transport';
import { searchChangeEvents } from './changeEvent.listSearch';
import { searchObservations } from './observation.listSearch';
import { searchPunchItems } from './punchItem.listSearch';
import { searchRfis } from './rfi.listSearch';

const PAGE = 100;

/** The contract type a Document > Attach to Record type belongs to (compliance documents and contracts). */
function contractTypeOf(recordType: string): CommitmentType {
	return /purchaseOrder/i.test(recordType) ? 'PurchaseOrderContract' : 'WorkOrderContract';
}

function keep(filter: string | undefined, results: Array<{ name: string; value: string }>) {
	const needle = (filter ?? '').toLowerCase();
	return results.filter((o) => !needle || o.name.toLowerCase().includes(needle));
}

async function list(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject, page: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(ctx);
	const body: unknown = await procoreApiRequest.call(ctx, { method: 'GET', path, qs: { ...qs, page, per_page: PAGE }, companyId });
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

/** The project's contracts of the type the chosen Record Type needs (subcontracts or purchase orders). */
export async function searchAttachmentContracts(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	const type = contractTypeOf(String(this.getNodeParameter('recordType', '')));
	const page = Number(token ?? 1);
	const rows = await list(this, '/rest/v1.0/commitments', { project_id: getProjectId(this) }, page);
	const results = rows
		.filter((c) => !c.type || c.type === type)
		.map((c) => ({
			name: [c.number, c.title, (c.vendor as IDataObject | undefined)?.name].filter((s) => s !== undefined && s !== null && s !== '').join(' – '),
			value: String(c.id),
		}));
	return { results: keep(filter, results), paginationToken: rows.length === PAGE ? String(page + 1) : undefined };
}

/** The records of the chosen Record Type in the project (a compliance document's list needs its contract). */
export async function searchAttachableRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	const recordType = String(this.getNodeParameter('recordType', ''));
	if (recordType === 'changeEvent') return await searchChangeEvents.call(this, filter, token);
	if (recordType === 'rfi') return await searchRfis.call(this, filter);
	if (recordType === 'observation') return await searchObservations.call(this, filter);
	if (recordType === 'punchItem') return await searchPunchItems.call(this, filter, token);
	if (recordType === 'workOrderContract' || recordType === 'purchaseOrderContract') {
		return await searchAttachmentContracts.call(this, filter, token);
	}
	if (/ComplianceDocument$/.test(recordType)) {
		const contractId = normalizeId(this.getNodeParameter('parentId', '', { extractValue: true }));
		if (!/^\d+$/.test(contractId)) return { results: [] };
		const segment = contractSegment(contractTypeOf(recordType));
		const page = Number(token ?? 1);
		const rows = await list(this, `/rest/v1.0/projects/${getProjectId(this)}/${segment}/${contractId}/compliance_documents`, {}, page);
		const results = rows.map((d) => ({
			name: `${String(d.name ?? d.id)}${d.expires_at ? ` (expires ${String(d.expires_at).slice(0, 10)})` : ''}`,
			value: String(d.id),
		}));
		return { results: keep(filter, results), paginationToken: rows.length === PAGE ? String(page + 1) : undefined };
	}
	return { results: [] };
}

/** The project's Photo Albums (Procore's image categories). */
export async function searchPhotoAlbums(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = getProjectId(this);
	const page = Number(token ?? 1);
	const rows = await list(this, '/rest/v1.0/image_categories', { project_id: projectId }, page);
	const results = rows.map((a) => ({ name: `${String(a.name)}${a.private ? ' (private)' : ''}`, value: String(a.id) }));
	return { results: keep(filter, results), paginationToken: rows.length === PAGE ? String(page + 1) : undefined };
}

/** A project's photos, newest first as Procore lists them, by file name, album and log date. */
export async function searchPhotos(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const page = Number(token ?? 1);
	const rows = await list(this, '/rest/v1.0/images', { project_id: getProjectId(this), ...(filter ? { 'filters[query]': filter } : {}) }, page);
	const results = rows.map((p) => ({
		name: `${String(p.filename ?? p.name ?? p.id)}${p.image_category_name ? ` (${String(p.image_category_name)})` : ''}${p.log_date ? ` ${String(p.log_date)}` : ''}`,
		value: String(p.id),
	}));
	return { results, paginationToken: rows.length === PAGE ? String(page + 1) : undefined };
}

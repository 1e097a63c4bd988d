import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';
import { byName, matching, projectRows } from './rows';

/** Folder reads one search may spend: Procore expands one level per call. */
const MAX_FOLDER_READS = 20;

function listed(folder: IDataObject, key: 'folders' | 'files'): IDataObject[] {
	return Array.isArray(folder[key])
		? (folder[key] as IDataObject[]).filter((f) => !f.is_deleted && !f.is_recycle_bin)
		: [];
}

/** Whose Documents the panel is on: the chosen project's, or the company's ("Documents Of"). */
async function documentsBase(ctx: ILoadOptionsFunctions): Promise<{ companyId: string; base: string; qs: IDataObject }> {
	const companyId = await getCompanyId(ctx);
	let scope = 'project';
	try {
		scope = ctx.getNodeParameter('documentScope', 'project') as string;
	} catch {
		// Not shown for this operation: project Documents.
	}
	const projectId = scope === 'company' ? undefined : getProjectId(ctx);
	return {
		companyId,
		base: projectId ? '/rest/v1.0/folders' : `/rest/v1.0/companies/${companyId}/folders`,
		qs: projectId ? { project_id: projectId } : {},
	};
}

/**
 * Folders (and, with `files`, the files in them) breadth first from the top level, each listed by
 * its path and kept when the typed filter appears anywhere in it. Procore expands one level per
 * call, so a search reads at most MAX_FOLDER_READS folders.
 */
async function walkDocuments(ctx: ILoadOptionsFunctions, filter: string | undefined, files: boolean): Promise<INodeListSearchResult> {
	const { companyId, base, qs } = await documentsBase(ctx);
	const query: IDataObject = files ? { ...qs, show_latest_file_version_only: true } : { ...qs, exclude_files: true };
	const read = async (id?: string) =>
		await procoreApiRequest.call(ctx, { method: 'GET', path: id ? `${base}/${id}` : base, qs: query, companyId });
	const needle = (filter ?? '').toLowerCase();
	const results: Array<{ name: string; value: string }> = [];
	const keep = (name: string, id: unknown) => {
		if (!needle || name.toLowerCase().includes(needle)) results.push({ name, value: String(id) });
	};
	const queue: IDataObject[] = [await read()];
	let reads = 1;
	while (queue.length) {
		const folder = queue.shift()!;
		if (files) {
			const where = folder.name_with_path ?? (folder.id === undefined ? '' : folder.name);
			for (const file of listed(folder, 'files')) keep(where ? `${String(where)}/${String(file.name)}` : String(file.name), file.id);
		}
		for (const sub of listed(folder, 'folders')) {
			if (!files) keep(String(sub.name_with_path ?? sub.name), sub.id);
			// A leaf folder still holds files; for folders only, a leaf need not be read.
			if (reads < MAX_FOLDER_READS && (files || sub.has_children_folders !== false)) {
				reads++;
				queue.push(await read(String(sub.id)));
			}
		}
	}
	return { results };
}

/** Documents folders by path, breadth first, matching the typed filter anywhere in the path. */
export async function searchFolders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await walkDocuments(this, filter, false);
}

/** Documents files by folder path and name (Get Many / Download › One File). */
export async function searchDocumentFiles(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await walkDocuments(this, filter, true);
}

/** The project's drawing disciplines (Architectural, Structural…). */
export async function searchDrawingDisciplines(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rows = await projectRows(this, `/rest/v1.0/projects/${getProjectId(this)}/drawing_disciplines`);
	return { results: rows.map((d) => ({ name: String(d.name ?? d.id), value: String(d.id) })).filter(matching(filter)).sort(byName) };
}

/** The project's drawing areas. */
export async function searchDrawingAreas(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rows = await projectRows(this, `/rest/v1.0/projects/${getProjectId(this)}/drawing_areas`);
	return { results: rows.map((a) => ({ name: String(a.name ?? a.id), value: String(a.id) })).filter(matching(filter)).sort(byName) };
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../helpers/context';
import { procoreApiRequest } from '../transport';

/** Folder reads one search may spend: Procore expands one level per call. */
const MAX_FOLDER_READS = 20;

function subFolders(folder: IDataObject): IDataObject[] {
	return Array.isArray(folder.folders)
		? (folder.folders as IDataObject[]).filter((f) => !f.is_deleted && !f.is_recycle_bin)
		: [];
}

/** Documents folders by path, breadth first, matching the typed filter anywhere in the path. */
export async function searchFolders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const companyId = await getCompanyId(this);
	let scope = 'project';
	try {
		scope = this.getNodeParameter('documentScope', 'project') as string;
	} catch {
		// Not shown for this operation: project Documents.
	}
	const projectId = scope === 'company' ? undefined : getProjectId(this);
	const base = projectId ? '/rest/v1.0/folders' : `/rest/v1.0/companies/${companyId}/folders`;
	const qs: IDataObject = projectId ? { project_id: projectId, exclude_files: true } : { exclude_files: true };
	const read = async (id?: string) =>
		await procoreApiRequest.call(this, { method: 'GET', path: id ? `${base}/${id}` : base, qs, companyId });
	const needle = (filter ?? '').toLowerCase();
	const results: Array<{ name: string; value: string }> = [];
	const queue: IDataObject[] = [await read()];
	let reads = 1;
	while (queue.length) {
		const folder = queue.shift()!;
		for (const sub of subFolders(folder)) {
			const path = String(sub.name_with_path ?? sub.name);
			if (!needle || path.toLowerCase().includes(needle)) results.push({ name: path, value: String(sub.id) });
			if (reads < MAX_FOLDER_READS && sub.has_children_folders !== false) {
				reads++;
				queue.push(await read(String(sub.id)));
			}
		}
	}
	return { results };
}

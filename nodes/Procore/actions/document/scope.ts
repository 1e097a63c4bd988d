import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId, toProcoreId } from '../../helpers/context';
import { procoreWrite } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { projectLocator } from '../common.descriptions';

/** Whose Documents tool: a project's, or the company's. */
export interface DocumentScope {
	companyId: string;
	projectId?: string;
}

export const documentScopeParameter: INodeProperties = {
	displayName: 'Documents Of',
	name: 'documentScope',
	type: 'options',
	options: [
		{ name: 'Company', value: 'company', description: 'The company-level Documents tool' },
		{ name: 'Project', value: 'project', description: 'The Documents tool of a project' },
	],
	default: 'project',
};

/** The project locator, shown only for project Documents. */
export const scopedProjectLocator: INodeProperties = {
	...projectLocator,
	displayOptions: { show: { documentScope: ['project'] } },
};

export const folderLocator: INodeProperties = {
	displayName: 'Folder',
	name: 'folder',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The Documents folder. Leave empty for the top level. "By Path" takes folder names separated by "/", e.g. Specifications/Division 03.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchFolders', searchable: true },
		},
		{
			displayName: 'By Path',
			name: 'path',
			type: 'string',
			placeholder: 'e.g. Specifications/Division 03',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 562949953421312',
			validation: [{ type: 'regex', properties: { regex: '^[0-9]{1,20}$', errorMessage: 'Enter a numeric Procore ID' } }],
		},
	],
};

export async function documentScope(ctx: IExecuteFunctions, i: number): Promise<DocumentScope> {
	const companyId = await getCompanyId(ctx, i);
	const scope = ctx.getNodeParameter('documentScope', i, 'project') as string;
	return scope === 'company' ? { companyId } : { companyId, projectId: getProjectId(ctx, i) };
}

/** Folders list/show path of the scope; project paths take the project in the query. */
export function foldersPath(scope: DocumentScope, id?: string): string {
	const base = scope.projectId ? '/rest/v1.0/folders' : `/rest/v1.0/companies/${scope.companyId}/folders`;
	return id ? `${base}/${id}` : base;
}

export function filesPath(scope: DocumentScope, id?: string): string {
	const base = scope.projectId ? '/rest/v1.0/files' : `/rest/v1.0/companies/${scope.companyId}/files`;
	return id ? `${base}/${id}` : base;
}

export function scopeQuery(scope: DocumentScope): IDataObject {
	return scope.projectId ? { project_id: scope.projectId } : {};
}

export function where(scope: DocumentScope): string {
	return scope.projectId ? `project ${scope.projectId}` : `company ${scope.companyId}`;
}

/** A folder with its direct sub-folders and files (the top level when `id` is undefined). */
export async function getFolder(ctx: IExecuteFunctions, i: number, scope: DocumentScope, id?: string): Promise<IDataObject> {
	return await procoreApiRequest.call(ctx, {
		method: 'GET',
		path: foldersPath(scope, id),
		qs: { ...scopeQuery(scope), show_latest_file_version_only: true },
		companyId: scope.companyId,
		itemIndex: i,
	});
}

export function children(folder: IDataObject, key: 'folders' | 'files'): IDataObject[] {
	const list = folder[key];
	return Array.isArray(list) ? (list as IDataObject[]).filter((c) => !c.is_deleted && !c.is_recycle_bin) : [];
}

/** The child whose name is `name`: exact first, then ignoring case (Procore shows names as typed). */
export function findByName(list: IDataObject[], name: string): IDataObject | undefined {
	return list.find((c) => String(c.name) === name) ?? list.find((c) => String(c.name).toLowerCase() === name.toLowerCase());
}

export interface ResolvedFolder {
	/** undefined: the top level (or a folder that a preview would create). */
	id?: string;
	/** The folder as Procore returned it (with its files), when it exists. */
	folder?: IDataObject;
	path: string;
	/** Folders a preview would create (nothing is created in a preview). */
	wouldCreate: string[];
	created: IDataObject[];
}

/**
 * The folder chosen in the node. By path, each name is looked up under the previous folder; a
 * missing one is created only when "Create Missing Folders" is on (and only shown in a preview).
 */
export async function resolveFolder(
	ctx: IExecuteFunctions,
	i: number,
	scope: DocumentScope,
	createMissing: boolean,
): Promise<ResolvedFolder> {
	const locator = ctx.getNodeParameter('folder', i, { mode: 'list', value: '' }) as IDataObject;
	const mode = String(locator.mode ?? 'list');
	const value = normalizeId(locator.value);
	if (mode !== 'path') {
		if (!value) {
			return { folder: await getFolder(ctx, i, scope), path: '/', wouldCreate: [], created: [] };
		}
		if (!/^\d{1,20}$/.test(value)) {
			throw new NodeOperationError(ctx.getNode(), `Folder "${value}" is not a Procore folder ID`, {
				description: 'Pick the folder from the list, enter its numeric ID, or switch the Folder to "By Path" and enter names separated by "/".',
				itemIndex: i,
			});
		}
		const folder = await getFolder(ctx, i, scope, value);
		return { id: value, folder, path: String(folder.name_with_path ?? folder.name ?? value), wouldCreate: [], created: [] };
	}
	const names = value.split('/').map((s) => s.trim()).filter(Boolean);
	let folder = await getFolder(ctx, i, scope);
	let id: string | undefined;
	const walked: string[] = [];
	const created: IDataObject[] = [];
	for (let k = 0; k < names.length; k++) {
		const name = names[k];
		const child = findByName(children(folder, 'folders'), name);
		if (child) {
			id = String(child.id);
			folder = await getFolder(ctx, i, scope, id);
			walked.push(String(child.name));
			continue;
		}
		if (!createMissing) {
			const available = children(folder, 'folders').map((c) => String(c.name));
			throw new NodeOperationError(ctx.getNode(), `No folder "${name}" in ${walked.length ? `"${walked.join('/')}"` : 'the top level'} of the Documents of ${where(scope)}`, {
				description: `${available.length ? `Folders there: ${available.slice(0, 20).join(', ')}. ` : ''}Fix the path, or turn on "Create Missing Folders" in the options.`,
				itemIndex: i,
			});
		}
		const result = await procoreWrite.call(ctx, {
			itemIndex: i,
			action: 'create',
			recordLabel: 'Folder',
			request: {
				method: 'POST',
				path: foldersPath(scope),
				qs: scopeQuery(scope),
				body: { folder: { name, ...(id ? { parent_id: toProcoreId(id) } : {}) } },
				companyId: scope.companyId,
			},
			wrapperKey: 'folder',
			auditField: null,
			summarize: (_r, _c, preview) => `${preview ? 'Would create' : 'Created'} folder "${[...walked, name].join('/')}"`,
		});
		if (result.preview) {
			return { path: names.join('/'), wouldCreate: names.slice(k).map((_n, j) => names.slice(0, k + j + 1).join('/')), created };
		}
		created.push(result);
		id = String(result.id);
		folder = { ...result, folders: [], files: [] };
		walked.push(name);
	}
	return { id, folder, path: walked.length ? walked.join('/') : '/', wouldCreate: [], created };
}

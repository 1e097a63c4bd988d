import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../helpers/limit';
import { returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { children, documentScope, documentScopeParameter, folderLocator, getFolder, resolveFolder, scopedProjectLocator } from '../document/scope';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = [
	...forOperation('folder', 'getAll', [
		documentScopeParameter,
		scopedProjectLocator,
		{ ...folderLocator, displayName: 'Parent Folder', description: 'List the folders inside this one. Leave empty for the top level.' },
		{
			displayName: 'Include Sub-Folders',
			name: 'recursive',
			type: 'boolean',
			default: false,
			description: 'Whether to list every folder below the parent too (slower on deep folder trees)',
		},
	]),
	...returnAllOrLimit({ resource: ['folder'], operation: ['getAll'] }),
];

/** What Simplified keeps of a folder (Get Many and Create): `path` is Procore's name_with_path. */
export const FOLDER_FIELDS = ['id', 'name', 'parent_id', 'name_with_path', 'private', 'has_children_folders', 'has_children_files', 'updated_at'];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const scope = await documentScope(this, i);
	const limit = readLimit(this, i);
	const recursive = this.getNodeParameter('recursive', i, false) as boolean;
	const start = await resolveFolder(this, i, scope, false);
	const out: IDataObject[] = [];
	// Sub-folders are read only when their turn comes, so a limit also bounds the calls.
	const pending: Array<IDataObject | string> = [start.folder ?? {}];
	while (pending.length && (limit === undefined || out.length < limit)) {
		const next = pending.shift()!;
		const folder = typeof next === 'string' ? await getFolder(this, i, scope, next) : next;
		for (const sub of children(folder, 'folders')) {
			if (limit !== undefined && out.length >= limit) break;
			out.push(sub);
			if (recursive) pending.push(String(sub.id));
		}
	}
	return out;
}

export const output: OutputSpec = { fields: FOLDER_FIELDS };

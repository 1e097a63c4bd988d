import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { forOperation } from '../operationSelector';
import {
	children,
	documentScope,
	documentScopeParameter,
	findByName,
	folderLocator,
	foldersPath,
	resolveFolder,
	scopeQuery,
	scopedProjectLocator,
	where,
} from '../document/scope';
import type { OutputSpec } from '../../helpers/output';
import { FOLDER_FIELDS } from './getAll.operation';

export const description: INodeProperties[] = forOperation('folder', 'create', [
	documentScopeParameter,
	scopedProjectLocator,
	{ ...folderLocator, displayName: 'Parent Folder', description: 'Create the folder inside this one. Leave empty for the top level.' },
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Submittals 2026',
		description: 'Name of the new folder. If the parent already holds a folder of this name, that folder is returned and nothing is created.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Private',
				name: 'private',
				type: 'boolean',
				default: false,
				description: 'Whether only users with explicit permission may see the folder',
			},
			{
				displayName: 'Track Changes',
				name: 'isTracked',
				type: 'boolean',
				default: false,
				description: 'Whether Procore notifies folder watchers of changes',
			},
			...writeOptions,
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const scope = await documentScope(this, i);
	const name = (this.getNodeParameter('name', i) as string).trim();
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const parent = await resolveFolder(this, i, scope, false);
	// Re-running a workflow must not make "Reports (1)": an existing folder of that name is the result.
	const existing = parent.folder ? findByName(children(parent.folder, 'folders'), name) : undefined;
	if (existing) {
		return { ...existing, summary: `Folder "${String(existing.name)}" already exists in "${parent.path}" (folder ${String(existing.id)})`, skipped: true };
	}
	const folder: IDataObject = { name };
	if (parent.id) folder.parent_id = toProcoreId(parent.id);
	if (options.private === true) folder.explicit_permissions = true;
	if (options.isTracked === true) folder.is_tracked = true;
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Folder',
		request: { method: 'POST', path: foldersPath(scope), qs: scopeQuery(scope), body: { folder }, companyId: scope.companyId },
		wrapperKey: 'folder',
		auditField: null,
		summarize: (record, _c, preview) =>
			preview
				? `Would create folder "${name}" in "${parent.path}" of the Documents of ${where(scope)}`
				: `Created folder "${name}" in "${parent.path}" (folder ${String(record.id)})`,
	});
}

export const output: OutputSpec = { fields: FOLDER_FIELDS };

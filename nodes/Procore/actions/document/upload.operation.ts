import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { binarySource } from '../../helpers/files/binary';
import { partBytesOf, partSizeOption, planUpload, uploadToProcore } from '../../helpers/files/upload';
import type { UploadPlan } from '../../helpers/files/upload';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { forOperation } from '../operationSelector';
import { formatBytes } from './format';
import {
	children,
	documentScope,
	documentScopeParameter,
	filesPath,
	findByName,
	folderLocator,
	resolveFolder,
	scopeQuery,
	scopedProjectLocator,
} from './scope';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('document', 'upload', [
	documentScopeParameter,
	scopedProjectLocator,
	folderLocator,
	{
		displayName: 'Input Data Field Name',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the file',
			},
	{
		displayName: 'If a File With the Same Name Exists',
		name: 'ifExists',
		type: 'options',
		options: [
			{ name: 'Fail', value: 'fail', description: 'Stop with an error, upload nothing' },
			{ name: 'Add a New Version', value: 'newVersion', description: 'Upload the file as the next version of the existing one' },
			{ name: 'Keep Both', value: 'keepBoth', description: 'Procore gives the new file a unique name' },
		],
		default: 'fail',
		description: 'What to do when the folder already holds a file with this name (re-running a workflow with "Add a New Version" never duplicates files)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Create Missing Folders',
				name: 'createMissingFolders',
				type: 'boolean',
				default: false,
				description: 'Whether to create the folders of a "By Path" folder that do not exist yet',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Description of the file in Procore',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name of the file in Procore. Defaults to the binary data\'s file name.',
			},
			partSizeOption,
			{
				displayName: 'Private',
				name: 'private',
				type: 'boolean',
				default: false,
				description: 'Whether only users with explicit permission may see the file (Procore\'s explicit permissions)',
			},
			...writeOptions,
		],
	},
]);

function summaryOf(plan: UploadPlan, folderPath: string, version: boolean, preview: boolean, id?: unknown): string {
	const what = `"${plan.fileName}" (${formatBytes(plan.size)}, ${plan.parts} part${plan.parts === 1 ? '' : 's'})`;
	const target = `Documents folder "${folderPath}"`;
	if (preview) return version ? `Would upload ${what} as a new version of the file in ${target}` : `Would upload ${what} to ${target}`;
	return version
		? `Uploaded ${what} as a new version of file ${String(id)} in ${target}`
		: `Uploaded ${what} to ${target} as file ${String(id)}`;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const scope = await documentScope(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const ifExists = this.getNodeParameter('ifExists', i, 'fail') as string;
	const property = this.getNodeParameter('binaryPropertyName', i) as string;
	// The binary is checked before any folder is created or anything is uploaded.
	const source = await binarySource(this, i, property, options.fileName as string | undefined);
	const plan = planUpload(source, { partBytes: partBytesOf(options) });
	const folder = await resolveFolder(this, i, scope, options.createMissingFolders === true);
	const existing = folder.folder ? findByName(children(folder.folder, 'files'), source.fileName) : undefined;
	if (existing && ifExists === 'fail') {
		throw new NodeOperationError(this.getNode(), `A file named "${source.fileName}" already exists in "${folder.path}" (file ${String(existing.id)})`, {
			description: 'Set "If a File With the Same Name Exists" to "Add a New Version" or "Keep Both", or give the file another name in the options.',
			itemIndex: i,
		});
	}
	const asVersion = Boolean(existing) && ifExists === 'newVersion';
	const preview = this.getNodeParameter('options.previewOnly', i, false) as boolean;
	const upload = preview ? undefined : await uploadToProcore(this, i, scope, source, { partBytes: plan.partBytes });
	const uuid = upload?.uuid ?? '(created when the node runs)';
	const file: IDataObject = { name: source.fileName, upload_uuid: uuid };
	if (options.description) file.description = options.description;
	if (options.private === true) file.explicit_permissions = true;
	if (!asVersion) {
		if (folder.id) file.parent_id = folder.id;
		if (existing && ifExists === 'keepBoth') file.unique_name = true;
	}
	const result = await procoreWrite.call(this, {
		itemIndex: i,
		action: asVersion ? 'update' : 'upload',
		recordLabel: 'File',
		request: {
			method: asVersion ? 'PATCH' : 'POST',
			path: filesPath(scope, asVersion ? String(existing!.id) : undefined),
			qs: scopeQuery(scope),
			body: { file },
			companyId: scope.companyId,
			// Procore declares Create/Update File as multipart/form-data (file[upload_uuid]).
			multipart: true,
		},
		wrapperKey: 'file',
		auditField: null,
		previous: asVersion ? { ...existing, upload_uuid: null } : undefined,
		summarize: (record, _changes, isPreview) => summaryOf(plan, folder.path, asVersion, isPreview, record.id ?? existing?.id),
	});
	return {
		...result,
		upload: {
			file_name: plan.fileName,
			mime_type: plan.mimeType,
			size: plan.size,
			segmented: plan.segmented,
			parts: plan.parts,
			part_bytes: plan.partBytes,
			uuid: upload?.uuid ?? null,
			folder: folder.path,
			folder_id: folder.id ?? null,
			new_version_of: asVersion ? existing!.id : null,
		} as IDataObject,
		...(folder.wouldCreate.length ? { would_create_folders: folder.wouldCreate } : {}),
		...(folder.created.length ? { created_folders: folder.created.map((f) => ({ id: f.id, name: f.name })) } : {}),
	};
}

/** The uploaded file in the shape Get Many gives a document. */
export const output: OutputSpec = { fields: ['id', 'name', 'name_with_path', 'parent_id', 'size', 'private', 'description', 'updated_at'] };

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { safeFileName } from '../../helpers/files/download';
import { readLimit } from '../../helpers/limit';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import { pickFromList, pickManyFromList, projectLocator, recordLocator, returnAllOrLimit } from '../common.descriptions';
import { idList } from '../../helpers/filters';
import type { DocumentScope } from './scope';
import {
	children,
	documentScope,
	documentScopeParameter,
	filesPath,
	folderLocator,
	getFolder,
	resolveFolder,
	scopeQuery,
} from './scope';
import type { OutputSpec } from '../../helpers/output';

/** One downloadable file found by Get Many / Download. */
export interface FileTarget {
	/** The file's record as Procore returns it (the Output parameter decides what is shown). */
	record: IDataObject;
	fileName: string;
	url?: string;
	mimeType?: string;
}

/** What Simplified keeps of a file found by Get Many / Download, by Source (each has its own fields). */
export const fileOutput: OutputSpec = {
	fields: ['id', 'file_name', 'downloadable'],
	variants: {
		parameter: 'source',
		fields: {
			documents: ['id', 'name', 'name_with_path', 'parent_id', 'size', 'private', 'updated_at', 'file_name', 'downloadable'],
			drawings: ['id', 'drawing_id', 'number', 'title', 'revision_number', 'current', 'discipline.name', 'drawing_date', 'file_name', 'downloadable'],
			specifications: ['id', 'specification_section_id', 'number', 'description', 'revision', 'specification_set_id', 'issued_date', 'updated_at', 'file_name', 'downloadable'],
		},
	},
};

/** The parameters that choose which files, shared by Get Many and Download. */
export function sourceParameters(operation: string): INodeProperties[] {
	const show = (extra: IDataObject = {}) => ({ show: { resource: ['document'], operation: [operation], ...extra } });
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Documents', value: 'documents', description: 'Files of the Documents tool (a folder, its sub-folders, or one file)' },
				{ name: 'Drawings', value: 'drawings', description: 'Drawing revisions (current set by default), by area or discipline' },
				{ name: 'Specifications', value: 'specifications', description: 'The current revision of specification sections' },
			],
			default: 'documents',
			displayOptions: show(),
		},
		{ ...documentScopeParameter, displayOptions: show({ source: ['documents'] }) },
		{ ...projectLocator, displayOptions: show({ source: ['documents'], documentScope: ['project'] }) },
		{ ...projectLocator, displayOptions: show({ source: ['drawings', 'specifications'] }) },
		{
			displayName: 'Files',
			name: 'documentsTarget',
			type: 'options',
			options: [
				{ name: 'In a Folder', value: 'folder' },
				{ name: 'One File by ID', value: 'file' },
			],
			default: 'folder',
			displayOptions: show({ source: ['documents'] }),
		},
		{ ...folderLocator, displayOptions: show({ source: ['documents'], documentsTarget: ['folder'] }) },
		{
			displayName: 'Include Sub-Folders',
			name: 'recursive',
			type: 'boolean',
			default: false,
			description: 'Whether to include the files of every folder below this one',
			displayOptions: show({ source: ['documents'], documentsTarget: ['folder'] }),
		},
		{
			...recordLocator({
				name: 'fileId',
				displayName: 'File',
				searchListMethod: 'searchDocumentFiles',
				description: 'The Documents file: pick it by folder path and name, enter its ID, or paste its URL',
			}),
			displayOptions: show({ source: ['documents'], documentsTarget: ['file'] }),
		},
		{
			displayName: 'Drawing Filters',
			name: 'drawingFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show({ source: ['drawings'] }),
			options: [
				{
					displayName: 'Current Set Only',
					name: 'currentSetOnly',
					type: 'boolean',
					default: true,
					description: 'Whether to take only the current revision of each drawing (what the field builds from); off also returns obsolete revisions',
				},
				pickFromList('disciplineId', 'Discipline', 'searchDrawingDisciplines', 'Only this drawing discipline (e.g. Architectural)'),
				pickFromList('drawingAreaId', 'Drawing Area', 'searchDrawingAreas', 'Only this drawing area'),
			],
		},
		{
			...pickManyFromList('specificationSectionIds', 'Specification Sections', 'getSpecificationSections', 'Only these sections; none chosen: every section'),
			displayOptions: show({ source: ['specifications'] }),
		},
		...returnAllOrLimit({ resource: ['document'], operation: [operation] }),
	];
}


function latestVersion(file: IDataObject): IDataObject | undefined {
	const versions = Array.isArray(file.file_versions) ? (file.file_versions as IDataObject[]) : [];
	return [...versions].sort((a, b) => Number(b.number ?? 0) - Number(a.number ?? 0))[0];
}

function documentTarget(file: IDataObject): FileTarget {
	const version = latestVersion(file);
	const prostore = version?.prostore_file as IDataObject | undefined;
	return {
		fileName: String(file.name ?? prostore?.filename ?? `file-${String(file.id)}`),
		url: (version?.url ?? prostore?.url) as string | undefined,
		record: file,
	};
}

async function documentTargets(ctx: IExecuteFunctions, i: number, scope: DocumentScope, limit: number | undefined): Promise<FileTarget[]> {
	const target = ctx.getNodeParameter('documentsTarget', i, 'folder') as string;
	if (target === 'file') {
		const [id] = idList(ctx, ctx.getNodeParameter('fileId', i), 'File', i);
		const file = await procoreApiRequest.call(ctx, {
			method: 'GET',
			path: filesPath(scope, id),
			qs: { ...scopeQuery(scope), show_latest_version_only: true },
			companyId: scope.companyId,
			itemIndex: i,
		});
		return [documentTarget(file)];
	}
	const locator = ctx.getNodeParameter('folder', i, { mode: 'list', value: '' }) as IDataObject;
	const recursive = ctx.getNodeParameter('recursive', i, false) as boolean;
	let start: IDataObject;
	if (locator.mode === 'path' && String(locator.value ?? '').trim()) {
		const resolved = await resolveFolder(ctx, i, scope, false);
		start = resolved.folder ?? {};
	} else {
		const id = String(locator.value ?? '').trim();
		if (id && !/^\d{1,20}$/.test(id)) {
			throw new NodeOperationError(ctx.getNode(), `Folder "${id}" is not a Procore folder ID`, {
				description: 'Pick the folder from the list, enter its numeric ID, or use "By Path".',
				itemIndex: i,
			});
		}
		start = await getFolder(ctx, i, scope, id || undefined);
	}
	const out: FileTarget[] = [];
	// Procore expands one level per call: each sub-folder is read for its own files, when its turn
	// comes, so a limit also bounds the calls.
	const pending: Array<IDataObject | string> = [start];
	while (pending.length && (limit === undefined || out.length < limit)) {
		const next = pending.shift()!;
		const folder = typeof next === 'string' ? await getFolder(ctx, i, scope, next) : next;
		for (const file of children(folder, 'files')) {
			if (limit !== undefined && out.length >= limit) break;
			out.push(documentTarget(file));
		}
		if (recursive) pending.push(...children(folder, 'folders').map((sub) => String(sub.id)));
	}
	return out;
}

async function drawingTargets(ctx: IExecuteFunctions, i: number, format: string, limit: number | undefined): Promise<FileTarget[]> {
	const companyId = await getCompanyId(ctx, i);
	const projectId = getProjectId(ctx, i);
	const f = ctx.getNodeParameter('drawingFilters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	// Procore's drawing_set_id takes a set's numeric ID; current revisions are its default and
	// with_obsolete=true adds the superseded ones.
	const currentOnly = f.currentSetOnly !== false;
	if (!currentOnly) qs.with_obsolete = true;
	const [area] = idList(ctx, f.drawingAreaId, 'Drawing Area', i);
	const [discipline] = idList(ctx, f.disciplineId, 'Discipline', i);
	if (area) qs.drawing_area_id = area;
	if (discipline) qs.drawing_discipline_id = discipline;
	const revisions = await procoreApiRequestAllItems.call(
		ctx,
		{ method: 'GET', path: `/rest/v1.0/projects/${projectId}/drawing_revisions`, qs, companyId, itemIndex: i },
		{ limit },
	);
	const png = format === 'png';
	return revisions.filter((r) => !currentOnly || (r.current !== false && r.obsolete !== true)).map((r) => ({
		fileName: `${safeFileName(`${String(r.number ?? r.id)} ${String(r.title ?? '')}${r.revision_number ? ` rev ${String(r.revision_number)}` : ''}`)}.${png ? 'png' : 'pdf'}`,
		url: (png ? r.png_url : r.pdf_url) as string | undefined,
		mimeType: png ? 'image/png' : 'application/pdf',
		record: r,
	}));
}

async function specificationTargets(ctx: IExecuteFunctions, i: number, limit: number | undefined): Promise<FileTarget[]> {
	const companyId = await getCompanyId(ctx, i);
	const projectId = getProjectId(ctx, i);
	const wanted = new Set(idList(ctx, ctx.getNodeParameter('specificationSectionIds', i, ''), 'Specification Sections', i));
	const sections = await procoreApiRequestAllItems.call(
		ctx,
		{ method: 'GET', path: '/rest/v1.0/specification_sections', qs: { project_id: projectId }, companyId, itemIndex: i },
		{ limit: wanted.size ? undefined : limit },
	);
	const chosen = sections.filter((s) => !wanted.size || wanted.has(String(s.id)));
	const missing = [...wanted].filter((id) => !sections.some((s) => String(s.id) === id));
	if (missing.length) {
		throw new NodeOperationError(ctx.getNode(), `No specification section ${missing.join(', ')} in project ${projectId}`, {
			description: 'Use Specification Section > Get Many for the IDs of this project\'s sections.',
			itemIndex: i,
		});
	}
	const out: FileTarget[] = [];
	for (const section of chosen) {
		if (limit !== undefined && out.length >= limit) break;
		if (!section.current_revision_id) continue;
		const revision = await procoreApiRequest.call(ctx, {
			method: 'GET',
			path: `/rest/v1.0/specification_section_revisions/${String(section.current_revision_id)}`,
			qs: { project_id: projectId },
			companyId,
			itemIndex: i,
		});
		out.push({
			fileName: `${safeFileName(`${String(section.number ?? revision.number ?? section.id)} ${String(section.description ?? revision.description ?? '')}`)}.pdf`,
			url: revision.url as string | undefined,
			mimeType: 'application/pdf',
			record: {
				...revision,
				specification_section_id: section.id,
				number: section.number ?? revision.number,
				description: section.description ?? revision.description,
			},
		});
	}
	return out;
}

/** The files chosen by the Source parameters of item `i`. */
export async function listFileTargets(ctx: IExecuteFunctions, i: number, format = 'pdf'): Promise<FileTarget[]> {
	const limit = readLimit(ctx, i);
	const source = ctx.getNodeParameter('source', i, 'documents') as string;
	if (source === 'drawings') return await drawingTargets(ctx, i, format, limit);
	if (source === 'specifications') return await specificationTargets(ctx, i, limit);
	return await documentTargets(ctx, i, await documentScope(ctx, i), limit);
}

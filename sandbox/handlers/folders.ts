/**
 * Documents folders: the list endpoint returns the root folder with its direct children expanded
 * (deeper folders come back with empty `folders`/`files`, so clients walk with GET folders/{id}),
 * exactly as procore-api.md §6.1 describes. Files are stored beside folders (`…/files`).
 */
import { createRecord, keyOf, readAttributes, respond } from '../engine/generic';
import { notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

/** The scope's root folder, created on first use so company scopes work without a seed. */
export function rootFolder(rt: Runtime, folderKey: string): StoredRec {
	const root = rt.store
		.list(folderKey)
		.find((f) => f.parent_id === null || f.parent_id === undefined);
	if (root) return root;
	const now = rt.clock.iso();
	return rt.store.insert(folderKey, {
		name: 'Documents',
		parent_id: null,
		name_with_path: 'Documents',
		is_tracked: false,
		private: false,
		is_deleted: false,
		is_recycle_bin: false,
		created_at: now,
		updated_at: now,
	});
}

const filesKeyOf = (folderKey: string) => folderKey.replace(/folders$/, 'files');

function expand(
	ctx: Ctx,
	rt: Runtime,
	folderKey: string,
	folder: StoredRec,
	deep: boolean,
): Record<string, unknown> {
	const childFolders = rt.store
		.list(folderKey)
		.filter((f) => Number(f.parent_id) === Number(folder.id));
	const childFiles = rt.store
		.list(filesKeyOf(folderKey))
		.filter((f) => Number(f.parent_id) === Number(folder.id));
	const latestOnly = ctx.rawQuery.get('show_latest_file_version_only') === 'true';
	const base = {
		...folder,
		has_children: childFolders.length + childFiles.length > 0,
		has_children_folders: childFolders.length > 0,
		has_children_files: childFiles.length > 0,
		read_only: false,
	};
	if (!deep) return { ...base, folders: [], files: [] };
	return {
		...base,
		folders:
			ctx.rawQuery.get('exclude_folders') === 'true'
				? []
				: childFolders.map((f) => expand(ctx, rt, folderKey, f, false)),
		files:
			ctx.rawQuery.get('exclude_files') === 'true'
				? []
				: childFiles.map((f) =>
						latestOnly
							? { ...f, file_versions: ((f.file_versions as unknown[]) ?? []).slice(0, 1) }
							: f,
					),
	};
}

export const listRoot = defineHandler(
	['GET /rest/v1.0/folders', 'GET /rest/v1.0/companies/{company_id}/folders'],
	(ctx, rt) => {
		const key = keyOf(ctx).key;
		return respond(ctx, rt, expand(ctx, rt, key, rootFolder(rt, key), true), 200);
	},
);

export const showFolder = defineHandler(
	['GET /rest/v1.0/folders/{id}', 'GET /rest/v1.0/companies/{company_id}/folders/{id}'],
	(ctx, rt): Reply => {
		const rk = keyOf(ctx);
		const folder = rt.store.get(rk.key, ctx.params.id);
		return folder
			? respond(ctx, rt, expand(ctx, rt, rk.key, folder, true), 200)
			: notFound(false, 'Folder');
	},
);

export const createFolder = defineHandler(
	['POST /rest/v1.0/folders', 'POST /rest/v1.0/companies/{company_id}/folders'],
	(ctx, rt): Reply => {
		const read = readAttributes(ctx, 'folders', false);
		if ('error' in read) return read.error;
		const key = keyOf(ctx).key;
		const parentId = read.attrs.parent_id ?? rootFolder(rt, key).id;
		const parent = rt.store.get(key, String(parentId));
		if (!parent) return notFound(false, 'Parent folder');
		const rec = createRecord(ctx, rt, key, {
			private: false,
			is_tracked: false,
			is_deleted: false,
			is_recycle_bin: false,
			...read.attrs,
			parent_id: parent.id,
			name_with_path: `${String(parent.name_with_path ?? parent.name)}/${String(read.attrs.name)}`,
		});
		return respond(ctx, rt, expand(ctx, rt, key, rec, true), 201);
	},
);

export const folderHandlers = [listRoot, showFolder, createFolder];

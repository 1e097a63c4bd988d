import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreWrite } from '../../helpers/write';

/** One file bound for Photos: its completed upload (or, in a preview, the upload it would be). */
export interface PhotoUpload {
	uuid: string;
	fileName: string;
}

export const PHOTO_FIELDS = ['id', 'filename', 'description', 'image_category_name', 'location.name', 'log_date', 'taken_at', 'url', 'thumbnail_url', 'created_at'];

/**
 * Creates one photo per completed upload in the project's Photos tool (`POST /rest/v1.0/images`):
 * the one place both Photo › Upload and Document › Attach to Record (Photos) write photos.
 * Procore's schema puts the upload at the top level (upload_uuid, image_name); its guide shows an
 * `upload` object: both are sent, so either reading works.
 */
export async function createPhotos(
	ctx: IExecuteFunctions,
	i: number,
	spec: { companyId: string; projectId: string; uploads: PhotoUpload[]; image: IDataObject },
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (const { uuid, fileName } of spec.uploads) {
		results.push(
			await procoreWrite.call(ctx, {
				itemIndex: i,
				action: 'create',
				recordLabel: 'Photo',
				request: {
					method: 'POST',
					path: '/rest/v1.0/images',
					qs: { project_id: spec.projectId },
					body: { upload_uuid: uuid, image_name: fileName, upload: { uuid, image_name: fileName }, image: { private: false, ...spec.image } },
					companyId: spec.companyId,
					multipart: true,
				},
				auditField: null,
				summarize: (record, _c, preview) =>
					preview ? `Would add "${fileName}" to Photos` : `Added "${fileName}" to Photos as photo ${String(record.id)}`,
			}),
		);
	}
	return results;
}

/** Upload records shared by the API handlers and the storage routes. */
import type { Runtime } from '../runtime';

export const UPLOADS = 'uploads';

export interface Segment {
	size: number;
	sha256: string;
	md5?: string;
	/** Filled as parts arrive. */
	etag?: string;
	path?: string;
}

export interface UploadRecord {
	id: string;
	uuid: string;
	user_id: number;
	company_id: number;
	project_id: number | null;
	response_filename: string;
	response_content_type: string;
	size: number | null;
	segmented: boolean;
	segments: Segment[];
	status: 'ready' | 'complete';
	/** Non-segmented: the one stored file. */
	path?: string;
	stored_size?: number;
	blob_key?: string;
	created_at: string;
	/** Presigned POST fields a client must echo back. */
	fields?: Record<string, string>;
}

export function findUpload(rt: Runtime, uuid: string): UploadRecord | undefined {
	return rt.store.get(UPLOADS, uuid) as unknown as UploadRecord | undefined;
}

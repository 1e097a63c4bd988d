import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { asDataObject, procoreApiRequest } from '../../transport';
import type { BinarySource } from './binary';
import { DEFAULT_PART_BYTES, MAX_PARTS, MAX_PART_BYTES, MIN_PART_BYTES, PartReader, hashParts, partSizes } from './parts';
import { StorageError, postForm, putPart } from './storage';

/** Where an upload is created: a project's uploads, or the company's when no project is given. */
export interface UploadScope {
	companyId: string;
	projectId?: string;
}

export interface UploadOptions {
	/** Size of each part of a segmented upload (5 MiB to 5 GiB); files below 5 MiB go in one POST. */
	partBytes?: number;
	/** Attempts after the first for one part (only that part is sent again). */
	partRetries?: number;
}

/** The "Part Size (MiB)" option of every operation that uploads (Document Upload / Attach to Record, Photo Upload). */
export const partSizeOption: INodeProperties = {
	displayName: 'Part Size (MiB)',
	name: 'partSizeMiB',
	type: 'number',
	typeOptions: { minValue: 5, maxValue: 5120 },
	default: 16,
	description: 'Files of 5 MiB and more are sent in parts of this size; a part that fails is resent on its own',
};

/** The part size an item's Options ask for, in bytes (16 MiB when not set). */
export const partBytesOf = (options: IDataObject): number => Number(options.partSizeMiB ?? 16) * 1024 * 1024;

/** What an upload will do, for previews and for the output. */
export interface UploadPlan {
	fileName: string;
	mimeType: string;
	size: number;
	segmented: boolean;
	parts: number;
	partBytes: number;
}

export interface UploadResult extends UploadPlan {
	uuid: string;
}

export function planUpload(source: BinarySource, options: UploadOptions = {}): UploadPlan {
	const partBytes = Math.min(MAX_PART_BYTES, Math.max(MIN_PART_BYTES, Math.floor(options.partBytes ?? DEFAULT_PART_BYTES)));
	const segmented = source.size >= MIN_PART_BYTES;
	return {
		fileName: source.fileName,
		mimeType: source.mimeType,
		size: source.size,
		segmented,
		parts: segmented ? partSizes(source.size, partBytes).length : 1,
		partBytes,
	};
}

function uploadsPath(scope: UploadScope): string {
	return scope.projectId
		? `/rest/v1.1/projects/${scope.projectId}/uploads`
		: `/rest/v1.1/companies/${scope.companyId}/uploads`;
}

async function withPartRetries<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	what: string,
	retries: number,
	attempt: () => Promise<T>,
): Promise<T> {
	for (let n = 0; ; n++) {
		try {
			return await attempt();
		} catch (error) {
			if (error instanceof StorageError && error.transient && n < retries) {
				await sleep(Math.min(30_000, 1000 * 2 ** n));
				continue;
			}
			const status = error instanceof StorageError && error.statusCode ? ` (HTTP ${error.statusCode})` : '';
			throw new NodeOperationError(ctx.getNode(), `Uploading ${what} to Procore's storage failed${status}: ${(error as Error).message}`, {
				description:
					error instanceof StorageError && error.statusCode === 403
						? 'The presigned upload link was refused, usually because it expired (Procore gives one hour). Run the node again.'
						: 'The file is not attached to anything yet; run the node again. Each part is retried a few times before giving up.',
				itemIndex,
			});
		}
	}
}

async function readAll(source: BinarySource): Promise<Buffer> {
	if (source.buffer) return source.buffer;
	const chunks: Buffer[] = [];
	for await (const chunk of (await source.open()) as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

function assertPlan(ctx: IExecuteFunctions, itemIndex: number, plan: UploadPlan): void {
	if (plan.parts > MAX_PARTS) {
		throw new NodeOperationError(ctx.getNode(), `"${plan.fileName}" would need ${plan.parts} parts; Procore accepts ${MAX_PARTS}`, {
			description: 'Raise "Part Size (MiB)" in the options so the file fits in fewer parts.',
			itemIndex,
		});
	}
}

/**
 * Puts one binary file into Procore's storage through the v1.1 direct-upload flow and returns the
 * upload's UUID (what `file[upload_uuid]`, `upload_ids` and `attachments_by_uuid` take). Files of
 * 5 MiB and more go in parts: hashed in a first streaming pass, then each part streamed to its
 * presigned URL with exactly the headers Procore signed, and the ETags sent back in order.
 */
export async function uploadToProcore(
	ctx: IExecuteFunctions,
	itemIndex: number,
	scope: UploadScope,
	source: BinarySource,
	options: UploadOptions = {},
): Promise<UploadResult> {
	const plan = planUpload(source, options);
	assertPlan(ctx, itemIndex, plan);
	const retries = options.partRetries ?? 3;
	const path = uploadsPath(scope);
	const request = { companyId: scope.companyId, itemIndex };
	const describe = {
		response_filename: source.fileName,
		response_content_type: source.mimeType,
		size: source.size,
	};

	if (!plan.segmented) {
		const created = await procoreApiRequest.call(ctx, { ...request, method: 'POST', path, body: describe });
		const uuid = String(created.uuid ?? '');
		if (!uuid || typeof created.url !== 'string') {
			throw new NodeOperationError(ctx.getNode(), 'Procore did not return upload instructions (uuid, url, fields)', { itemIndex });
		}
		const file = await readAll(source);
		await withPartRetries(ctx, itemIndex, `"${source.fileName}"`, retries, async () =>
			await postForm(ctx, created.url as string, asDataObject(created.fields), file, source.fileName, source.mimeType),
		);
		return { ...plan, uuid };
	}

	const sizes = partSizes(source.size, plan.partBytes);
	const { sha256, bytes } = await hashParts(source, sizes);
	if (bytes !== source.size) {
		throw new NodeOperationError(ctx.getNode(), `Binary property "${source.property}" holds ${bytes} bytes, but its metadata says ${source.size}`, {
			description: 'The binary data changed or is incomplete; re-read the file in the node before this one.',
			itemIndex,
		});
	}
	const segments = sizes.map((size, k) => ({ size, sha256: sha256[k] }));
	const created = await procoreApiRequest.call(ctx, { ...request, method: 'POST', path, body: { ...describe, segments } });
	const uuid = String(created.uuid ?? '');
	const signed = Array.isArray(created.segments) ? (created.segments as IDataObject[]) : [];
	if (!uuid || signed.length !== sizes.length || signed.some((s) => typeof s.url !== 'string')) {
		throw new NodeOperationError(ctx.getNode(), `Procore returned ${signed.length} upload URLs for ${sizes.length} parts`, {
			description: 'Procore did not accept the segmented upload. Run the node again; if it persists, report the file size.',
			itemIndex,
		});
	}
	const reader = new PartReader(source);
	const etags: string[] = [];
	try {
		let offset = 0;
		for (let k = 0; k < sizes.length; k++) {
			const start = offset;
			etags.push(
				await withPartRetries(ctx, itemIndex, `part ${k + 1} of ${sizes.length} of "${source.fileName}"`, retries, async () =>
					await putPart(ctx, signed[k].url as string, asDataObject(signed[k].headers), await reader.body(start, sizes[k]), sizes[k]),
				),
			);
			offset += sizes[k];
		}
	} finally {
		reader.close();
	}
	await procoreApiRequest.call(ctx, {
		...request,
		method: 'PATCH',
		path: `${path}/${uuid}`,
		body: { segments: segments.map((s, k) => ({ ...s, etag: etags[k] })) },
	});
	return { ...plan, uuid };
}

/**
 * Memory contract of the file helpers, checked without any HTTP interceptor in the way (nock copies
 * bodies): a download hands n8n the response stream itself, and an upload reads the file no further
 * ahead than the part being sent, each part going out as a stream of known length.
 */
import { Readable } from 'stream';

import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { BinarySource } from '../../../../nodes/Procore/helpers/files/binary';
import { fetchProcoreFile, toBinary } from '../../../../nodes/Procore/helpers/files/download';
import { uploadToProcore } from '../../../../nodes/Procore/helpers/files/upload';

const MiB = 1024 * 1024;
const API = 'https://api.procore.test';
const STORAGE = 'https://storage.test';

function context(helpers: Partial<IExecuteFunctions['helpers']>): IExecuteFunctions {
	return {
		getNode: () => ({ name: 'Procore', type: 'n8n-nodes-procore.procore', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({ apiBaseUrl: API, oauthTokenData: { access_token: 'token' } }),
		helpers,
	} as unknown as IExecuteFunctions;
}

describe('file helpers: streaming', () => {
	it('hands n8n the storage response stream itself, never a Buffer, and asks for it as a stream', async () => {
		const body = Readable.from([Buffer.alloc(64 * 1024, 1), Buffer.alloc(64 * 1024, 2)]);
		const requests: IHttpRequestOptions[] = [];
		const prepareBinaryData = jest.fn(async (data: unknown, fileName?: string, mimeType?: string) => ({ data: 'filesystem-v2', fileName, mimeType }));
		const ctx = context({
			httpRequest: (async (options: IHttpRequestOptions) => {
				requests.push(options);
				return { statusCode: 200, headers: { 'content-type': 'application/pdf' }, body };
			}) as never,
			prepareBinaryData: prepareBinaryData as never,
		});
		const file = await fetchProcoreFile(ctx, 0, `${STORAGE}/f/1?sig=1`, '1');
		const binary = await toBinary(ctx, file, 'plan.pdf');
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', encoding: 'stream' });
		expect(prepareBinaryData).toHaveBeenCalledTimes(1);
		const [passed] = prepareBinaryData.mock.calls[0];
		expect(Buffer.isBuffer(passed)).toBe(false);
		expect(passed).toBe(body);
		expect(binary).toMatchObject({ fileName: 'plan.pdf', mimeType: 'application/pdf' });
	});

	it('streams each part with its length and reads the file no further ahead than one part', async () => {
		const size = 23 * MiB;
		const partBytes = 5 * MiB;
		let produced = 0;
		let sent = 0;
		let maxAhead = 0;
		let opened = 0;
		const source: BinarySource = {
			property: 'data',
			fileName: 'model.ifc',
			mimeType: 'application/octet-stream',
			size,
			open: async () => {
				opened++;
				produced = 0;
				// A file read in 1 MiB chunks, as n8n's getBinaryStream(id, 1 MiB) does.
				return Readable.from(
					(function* () {
						for (let offset = 0; offset < size; offset += MiB) {
							const chunk = Buffer.alloc(Math.min(MiB, size - offset), offset / MiB);
							produced += chunk.length;
							yield chunk;
						}
					})(),
				) as never;
			},
		};
		const puts: Array<{ streamed: boolean; length: string; bytes: number }> = [];
		let patched: IDataObject | undefined;
		const ctx = context({
			httpRequestWithAuthentication: (async (_type: string, options: IHttpRequestOptions) => {
				const body = options.body as IDataObject;
				if (options.method === 'POST') {
					const segments = body.segments as IDataObject[];
					return { statusCode: 201, headers: {}, body: JSON.stringify({ uuid: 'U1', segments: segments.map((_s, k) => ({ url: `${STORAGE}/p/${k}`, headers: {} })) }) };
				}
				patched = body;
				return { statusCode: 200, headers: {}, body: '{}' };
			}) as never,
			httpRequest: (async (options: IHttpRequestOptions) => {
				const body = options.body as unknown;
				const streamed = !Buffer.isBuffer(body) && typeof (body as Readable).pipe === 'function';
				let bytes = 0;
				if (streamed) {
					for await (const chunk of body as Readable) {
						bytes += (chunk as Buffer).length;
						sent += (chunk as Buffer).length;
						maxAhead = Math.max(maxAhead, produced - sent);
					}
				}
				puts.push({ streamed, length: String((options.headers as IDataObject)['Content-Length']), bytes });
				return { statusCode: 200, headers: { etag: `"e${puts.length}"` }, body: '' };
			}) as never,
		});
		const result = await uploadToProcore(ctx, 0, { companyId: '1', projectId: '2' }, source, { partBytes });
		expect(result).toMatchObject({ uuid: 'U1', parts: 5, segmented: true });
		expect(puts.map((p) => p.streamed)).toEqual([true, true, true, true, true]);
		expect(puts.map((p) => p.length)).toEqual(['5242880', '5242880', '5242880', '5242880', String(3 * MiB)]);
		expect(puts.map((p) => p.bytes)).toEqual([5, 5, 5, 5, 3].map((n) => n * MiB));
		// One pass to hash, one to send: never a copy of the file.
		expect(opened).toBe(2);
		// Read-ahead while sending stays within one part (plus the chunk being handed over).
		expect(maxAhead).toBeLessThanOrEqual(partBytes + MiB);
		expect((patched!.segments as IDataObject[]).map((s) => s.etag)).toEqual(['"e1"', '"e2"', '"e3"', '"e4"', '"e5"']);
	});
});

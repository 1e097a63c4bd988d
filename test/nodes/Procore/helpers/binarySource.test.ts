import type { IExecuteFunctions } from 'n8n-workflow';

import { binarySource } from '../../../../nodes/Procore/helpers/files/binary';

describe('binarySource: reading a stored file', () => {
	it('asks n8n for 64 KiB reads (1 MiB reads left ~100 MiB of spent buffers in n8n\'s process during a 1 GiB upload, issue #27)', async () => {
		const asked: Array<number | undefined> = [];
		const ctx = {
			getInputData: () => [{ json: {}, binary: { data: { id: 'filesystem-v2:f1', fileName: 'a.pdf', mimeType: 'application/pdf', data: '' } } }],
			helpers: {
				getBinaryMetadata: async () => ({ fileSize: 3 * 1024 * 1024 }),
				getBinaryStream: async (_id: string, chunkSize?: number) => {
					asked.push(chunkSize);
					return Buffer.alloc(0);
				},
			},
		} as unknown as IExecuteFunctions;
		const source = await binarySource(ctx, 0, 'data');
		expect(source.size).toBe(3 * 1024 * 1024);
		await source.open();
		await source.open();
		expect(asked).toEqual([64 * 1024, 64 * 1024]);
	});
});

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { procoreApiRequest } from '../../transport';

/**
 * The project directory's entry for a user or vendor, or undefined when Procore answers 404 (not
 * in the project yet): the read that makes adding idempotent.
 */
export async function directoryEntry(ctx: IExecuteFunctions, i: number, path: string, companyId: string): Promise<IDataObject | undefined> {
	return (await procoreApiRequest
		.call(ctx, { method: 'GET', path, companyId, itemIndex: i })
		.catch((error: unknown) => {
			if (error instanceof NodeApiError && String(error.httpCode) === '404') return undefined;
			throw error;
		})) as IDataObject | undefined;
}

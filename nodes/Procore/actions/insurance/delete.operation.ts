import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getRecordId } from '../../helpers/context';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { procoreApiRequest } from '../../transport';
import { forOperation } from '../operationSelector';
import { insuranceName } from './fields';
import { insuranceLocator } from './read';
import { insuranceTarget, scopeParameters } from './scope';

export const description: INodeProperties[] = forOperation('insurance', 'delete', [
	...scopeParameters(false),
	insuranceLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: writeOptions.filter((o) => o.name === 'previewOnly'),
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const target = await insuranceTarget(this, i, companyId, false);
	const id = getRecordId(this, 'insuranceId', 'Insurance', i);
	const path = `${target.basePath}/${id}`;
	// Read first: the summary says what was deleted, and a wrong ID fails before anything is removed.
	const previous = await procoreApiRequest.call(this, { method: 'GET', path, companyId, itemIndex: i });
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'delete',
		recordLabel: 'Insurance',
		request: { method: 'DELETE', path, companyId },
		auditField: null,
		previous,
		summarize: (_record, _changes, preview) =>
			`${preview ? 'Would delete' : 'Deleted'} ${insuranceName({ ...previous, id })}${previous.vendor_id ? ` of vendor ${String(previous.vendor_id)}` : ''}`,
	});
}

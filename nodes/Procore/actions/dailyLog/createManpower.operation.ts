import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecordId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { pickFromList, recordLocator } from '../common.descriptions';
import { createEntry, entryDescription, idFields, locationOption } from './entryWrite';
import { LOG_TYPES } from './logTypes';

export const description: INodeProperties[] = entryDescription('createManpower', [
	recordLocator({ name: 'vendor', displayName: 'Vendor', searchListMethod: 'searchProjectVendors', description: 'The company whose crew worked (Procore\'s contact_id)' }),
	{ displayName: 'Workers', name: 'numWorkers', type: 'number', required: true, typeOptions: { minValue: 0 }, default: 1, description: 'How many workers of this company were on site' },
	{ displayName: 'Hours', name: 'numHours', type: 'number', required: true, typeOptions: { minValue: 0, numberPrecision: 2 }, default: 8, description: 'Hours each worker worked; Procore computes the man-hours' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			pickFromList('costCodeId', 'Cost Code', 'searchCostCodes'),
			locationOption,
			{ displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '', placeholder: 'e.g. Level 8 deck pour' },
			pickFromList('tradeId', 'Trade', 'searchTrades'),
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const entry: IDataObject = {
		contact_id: toProcoreId(getRecordId(this, 'vendor', 'Vendor', i)),
		num_workers: this.getNodeParameter('numWorkers', i) as number,
		num_hours: String(this.getNodeParameter('numHours', i)),
		...idFields(f, { costCodeId: 'cost_code_id', locationId: 'location_id', tradeId: 'trade_id' }),
		...(f.notes ? { notes: f.notes } : {}),
	};
	return await createEntry(this, i, {
		type: 'manpower',
		wrapperKey: 'manpower_log',
		entry,
		describe: (e) => `${String(e.num_workers)} workers × ${String(e.num_hours)} h${e.notes ? ` (${String(e.notes)})` : ''}`,
	});
}

export const output: OutputSpec = { fields: LOG_TYPES.manpower.fields };

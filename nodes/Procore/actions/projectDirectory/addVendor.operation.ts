import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { VENDOR_FIELDS } from '../vendor/fields';
import { directoryEntry } from './present';

export const description: INodeProperties[] = forOperation('projectDirectory', 'addVendor', [
	projectLocator,
	recordLocator({
		name: 'vendor',
		displayName: 'Vendor',
		searchListMethod: 'searchVendors',
		urlPattern: 'vendors/([0-9]+)',
		description: 'A company in the company directory (a subcontractor or supplier); create new ones with Vendor › Create',
	}),
	writeOptionsCollection,
]);

/** Adds a company-directory vendor to the project's directory; one already there is returned as it is. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const vendorId = getRecordId(this, 'vendor', 'Vendor', i);
	const current = await directoryEntry(this, i, `/rest/v1.0/projects/${projectId}/vendors/${vendorId}`, companyId);
	if (current) {
		return { ...current, summary: `Vendor ${vendorId} "${String(current.name ?? '')}" is already in project ${projectId}'s directory; nothing written`, skipped: true };
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Project Vendor',
		request: { method: 'POST', path: `/rest/v1.0/projects/${projectId}/vendors/${vendorId}/actions/add`, companyId },
		auditField: null,
		summarize: (record, _c, preview) =>
			`${preview ? 'Would add' : 'Added'} vendor ${vendorId}${record.name ? ` "${String(record.name)}"` : ''} to project ${projectId}'s directory`,
	});
}

export const output: OutputSpec = { fields: VENDOR_FIELDS };

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { sinceRange } from '../../helpers/filters';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, pickFromList, projectLocator, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const PROJECT_USER_FIELDS = ['id', 'name', 'email_address', 'job_title', 'vendor.name', 'permission_template.name', 'is_employee', 'employee_id', 'is_active', 'updated_at'];

export const description: INodeProperties[] = [
	...forOperation('projectDirectory', 'getUsers', [projectLocator]),
	...returnAllOrLimit({ resource: ['projectDirectory'], operation: ['getUsers'] }),
	...forOperation('projectDirectory', 'getUsers', [
		filtersCollection([
			pickFromList('vendorId', 'Company', 'searchProjectVendors', 'Only users of this company (vendor) in the project'),
			{ displayName: 'Employees Only', name: 'employeesOnly', type: 'boolean', default: true, description: 'Whether to list only employees of your own company' },
			pickFromList('permissionTemplateId', 'Permission Template', 'searchPermissionTemplates', 'Only users with this permission template'),
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Words in the user\'s name, e-mail or company' },
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
		]),
	]),
];

/** The project directory's users (people with a Procore login), with their company and permission template. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const limit = readLimit(this, i);
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (normalizeId(f.vendorId)) qs['filters[vendor_id]'] = normalizeId(f.vendorId);
	if (normalizeId(f.permissionTemplateId)) qs['filters[permission_template]'] = normalizeId(f.permissionTemplateId);
	if (f.employeesOnly === true) qs['filters[employee]'] = true;
	if (f.search) qs['filters[search]'] = f.search;
	if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(this, f.updatedSince, i);
	return await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/rest/v1.0/projects/${projectId}/users`, qs, companyId, itemIndex: i },
		{ limit },
	);
}

export const output: OutputSpec = { fields: PROJECT_USER_FIELDS };

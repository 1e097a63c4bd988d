import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { createOptionsCollection, procoreWrite } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { forOperation } from '../operationSelector';
import { PROJECT_FIELDS } from './fields';
import { projectFieldsToBody, projectWriteOptions } from './write';

export const description: INodeProperties[] = forOperation('project', 'create', [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Riverside Medical Office Building' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: projectWriteOptions,
	},
	createOptionsCollection(
		'Whether to create a second project with the same Origin ID or, without one, the same name. Off: the existing project (active or not) is returned, so re-runs never duplicate.',
	),
]);

const same = (a: unknown, b: unknown) => String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

/** Creates a project in the company (integrators provisioning a client's projects). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const project = projectFieldsToBody(this, { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject), name: this.getNodeParameter('name', i) }, i);
	if (!options.allowDuplicate) {
		const filters: IDataObject = project.origin_id ? { 'filters[origin_id]': project.origin_id } : { 'filters[name]': project.name };
		const found = await procoreApiRequestAllItems.call(this, {
			method: 'GET',
			path: '/rest/v1.0/projects',
			qs: { company_id: companyId, 'filters[by_status]': 'All', ...filters },
			companyId,
			itemIndex: i,
		});
		const existing = found.find((p) => (project.origin_id ? same(p.origin_id, project.origin_id) : same(p.name, project.name)));
		if (existing) {
			return {
				...existing,
				summary: `Project ${String(existing.id)} "${String(existing.name)}" already exists${project.origin_id ? ` with origin ID ${String(project.origin_id)}` : ''}; nothing created`,
				skipped: true,
			};
		}
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Project',
		request: { method: 'POST', path: '/rest/v1.0/projects', body: { company_id: toProcoreId(companyId), project }, companyId },
		wrapperKey: 'project',
		auditField: 'origin_data',
		summarize: (record, _c, preview) =>
			`${preview ? 'Would create' : 'Created'} project${record.id !== undefined ? ` ${String(record.id)}` : ''} "${String(project.name)}"${project.time_zone ? ` (${String(project.time_zone)})` : ''}`,
	});
}

export const output: OutputSpec = { fields: PROJECT_FIELDS };

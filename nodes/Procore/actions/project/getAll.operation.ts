import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import type { OutputSpec } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, returnAllOrLimit } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { PROJECT_FIELDS } from './fields';

export const description: INodeProperties[] = [
	...returnAllOrLimit({ resource: ['project'], operation: ['getAll'] }),
	...forOperation('project', 'getAll', [
		filtersCollection([
			{
				displayName: 'Custom Field Equals',
				name: 'customField',
				type: 'fixedCollection',
				default: {},
				description:
					'Only projects whose custom field has this value, e.g. a "Sync to workforce app" checkbox',
				options: [
					{
						displayName: 'Custom Field',
						name: 'field',
						values: [
							{ displayName: 'Field Key', name: 'key', type: 'string', default: '', placeholder: 'e.g. custom_field_5501' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. true' },
						],
					},
				],
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Project Names or IDs',
				name: 'ids',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCompanyProjects', loadOptionsDependsOn: ['company.value'] },
				default: [],
				description:
					'Only these projects, e.g. the projects switched on for a sync (comma-separated IDs by expression). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'Active' },
					{ name: 'Inactive', value: 'Inactive' },
					{ name: 'All', value: 'All' },
				],
				default: 'Active',
				description: 'Procore returns only active projects unless told otherwise',
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only projects changed at or after this time (for incremental syncs)',
			},
		]),
	]),
];

function customFieldValue(project: IDataObject, key: string): unknown {
	if (key in project) return project[key];
	const fields = project.custom_fields as IDataObject | undefined;
	const field = fields?.[key];
	return field && typeof field === 'object' && 'value' in (field as IDataObject)
		? (field as IDataObject).value
		: field;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const limit = readLimit(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {
		company_id: companyId,
		'filters[by_status]': (filters.status as string) || 'Active',
	};
	if (filters.name) qs['filters[name]'] = filters.name;
	if (filters.updatedSince) {
		const since = new Date(filters.updatedSince as string);
		if (Number.isNaN(since.getTime())) {
			throw new NodeOperationError(this.getNode(), `Updated Since "${String(filters.updatedSince)}" is not a date`, {
				description: 'Use an ISO date such as 2026-01-31T00:00:00Z.',
				itemIndex: i,
			});
		}
		qs['filters[updated_at]'] = `${since.toISOString()}...${new Date('2999-12-31').toISOString()}`;
	}
	// The list gives an array; an expression may give comma-separated text.
	const ids = String(filters.ids ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (ids.some((id) => !/^\d+$/.test(id))) {
		throw new NodeOperationError(this.getNode(), 'Project IDs must be numbers separated by commas', {
			description: 'For example: 101, 102, 103',
			itemIndex: i,
		});
	}
	if (ids.length) qs['filters[id]'] = ids;
	const custom = (filters.customField as IDataObject | undefined)?.field as IDataObject | undefined;
	// A custom-field filter is applied here, after paging, so the limit counts matching projects only.
	let projects = await procoreApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/rest/v1.0/projects', qs, companyId, itemIndex: i },
		{ limit: custom?.key ? undefined : limit },
	);
	if (custom?.key) {
		projects = projects.filter(
			(p) => String(customFieldValue(p, String(custom.key))) === String(custom.value ?? ''),
		);
		if (limit !== undefined) projects = projects.slice(0, limit);
	}
	return projects;
}

export const output: OutputSpec = { fields: PROJECT_FIELDS };

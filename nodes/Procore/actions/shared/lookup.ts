import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, getProjectId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import { procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, projectLocator, returnAllOrLimit } from '../common.descriptions';
import type { ItemOperation, ProcoreResource } from '../node.type';
import { forOperation, operationSelector } from '../operationSelector';

export interface LookupIds {
	companyId: string;
	projectId?: string;
}

/** A list Procore keeps for picking IDs (cost codes, categories, people…): Get Many with search. */
export interface LookupSpec {
	resource: string;
	/** Procore's name, singular and plural ("Cost Code", "cost codes"). */
	label: string;
	plural: string;
	/** Shown as the resource's description and, shortened, the operation's. */
	purpose: string;
	/** Whether the list can also be read for the whole company (a Scope parameter appears). */
	companyPath?: (ids: LookupIds) => string;
	projectPath: (ids: LookupIds) => string;
	projectQuery?: (ids: LookupIds) => IDataObject;
	companyQuery?: (ids: LookupIds) => IDataObject;
	fields: string[];
	/** Values the Search filter looks in (case-insensitive, contains). */
	searchIn: (record: IDataObject) => unknown[];
	/** Values the Code filter must equal exactly (to resolve a code from another system to an ID). */
	codes?: (record: IDataObject) => unknown[];
	/** Query key Procore searches on server-side, when it has one (also applied here). */
	serverSearch?: string;
	extraFilters?: INodeProperties[];
	buildFilters?: (filters: IDataObject) => IDataObject;
	/** Turns Procore's records into the rows returned (e.g. one per cost code × category). */
	rows?: (records: IDataObject[], filters: IDataObject) => IDataObject[];
}

function text(values: unknown[]): string[] {
	return values.filter((v) => v !== undefined && v !== null).map((v) => String(v).toLowerCase());
}

export function lookupGetMany(spec: LookupSpec): ItemOperation {
	const scoped = Boolean(spec.companyPath);
	const codeFilter: INodeProperties = {
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		description: `Only the ${spec.label.toLowerCase()} with exactly this code (to find its ID from a code)`,
	};
	const searchFilter: INodeProperties = { displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Words in the code or name' };
	const filterOptions: INodeProperties[] = [...(spec.codes ? [codeFilter] : []), ...(spec.extraFilters ?? []), searchFilter].sort((a, b) => a.displayName.localeCompare(b.displayName));
	const scopeParameter: INodeProperties[] = scoped
		? [
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'options',
					options: [
						{ name: 'Project', value: 'project' },
						{ name: 'Company', value: 'company' },
					] as INodePropertyOptions[],
					default: 'project',
				},
				{ ...projectLocator, displayOptions: { show: { scope: ['project'] } } },
			]
		: [projectLocator];
	return {
		output: { fields: spec.fields },
		description: [
			...forOperation(spec.resource, 'getAll', scopeParameter),
			...returnAllOrLimit({ resource: [spec.resource], operation: ['getAll'] }),
			...forOperation(spec.resource, 'getAll', [
				filtersCollection(filterOptions),
			]),
		],
		async execute(this: IExecuteFunctions, i: number) {
			const companyId = await getCompanyId(this, i);
			const company = scoped && (this.getNodeParameter('scope', i, 'project') as string) === 'company';
			const ids: LookupIds = { companyId, projectId: company ? undefined : getProjectId(this, i) };
			const limit = readLimit(this, i);
			const f = this.getNodeParameter('filters', i, {}) as IDataObject;
			const qs: IDataObject = { ...(company ? spec.companyQuery?.(ids) : spec.projectQuery?.(ids)), ...spec.buildFilters?.(f) };
			if (f.search && spec.serverSearch) qs[spec.serverSearch] = f.search;
			const clientSide = Boolean(f.search || f.code || spec.rows);
			const records = await procoreApiRequestAllItems.call(
				this,
				{ method: 'GET', path: company ? spec.companyPath!(ids) : spec.projectPath(ids), qs, companyId, itemIndex: i },
				{ limit: clientSide ? undefined : limit },
			);
			let rows = spec.rows ? spec.rows(records, f) : records;
			const needle = String(f.search ?? '').toLowerCase();
			if (needle) rows = rows.filter((r) => text(spec.searchIn(r)).some((v) => v.includes(needle)));
			const code = String(f.code ?? '').trim().toLowerCase();
			if (code && spec.codes) rows = rows.filter((r) => text(spec.codes!(r)).includes(code));
			if (limit !== undefined) rows = rows.slice(0, limit);
			return rows;
		},
	};
}

/** A resource with a single Get Many operation over a lookup list. */
export function lookupResource(spec: LookupSpec, operationDescription: string): ProcoreResource {
	const getAll = lookupGetMany(spec);
	return {
		option: { name: spec.label, value: spec.resource, description: spec.purpose },
		description: [
			operationSelector(
				spec.resource,
				[{ name: 'Get Many', value: 'getAll', action: `Get many ${spec.plural}`, description: operationDescription }],
				'getAll',
			),
			...getAll.description,
		],
		operations: { getAll },
	};
}

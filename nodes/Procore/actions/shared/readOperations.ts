import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { readLimit } from '../../helpers/limit';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import { filtersCollection, projectLocator, returnAllOrLimit } from '../common.descriptions';
import type { OutputSpec } from '../../helpers/output';
import type { ItemOperation } from '../node.type';
import { forOperation } from '../operationSelector';
import type { ScopeIds } from './path';
import { fillPath } from './path';

/** What a resource tells the shared Get / Get Many operations about itself. */
export interface ReadSpec {
	resource: string;
	/** Procore's name, e.g. "RFI". */
	label: string;
	/** Project-scoped resources show the Project parameter. */
	projectScoped: boolean;
	listPath: string;
	/** Path of one record; omit when the resource has no Get. */
	itemPath?: string;
	/** Query every call of this resource needs (e.g. project_id on query-scoped v1.0 paths). */
	scopeQuery?: (ids: ScopeIds) => IDataObject;
	/** The resource locator of one record (its name is read as the record id). */
	idLocator: INodeProperties;
	/** What "Simplified" keeps. */
	fields: string[];
	/** The whole Output spec, when Simplified reshapes the record first (`simplify`); default: `fields`. */
	output?: OutputSpec;
	/** Options of the Get Many "Filters" collection, sorted by display name. */
	filters?: INodeProperties[];
	/** Turns the Filters collection into Procore query parameters. */
	buildFilters?: (ctx: IExecuteFunctions, filters: IDataObject, itemIndex: number) => IDataObject;
	/** Extra fixed query for the list (e.g. a required date range default). */
	listQuery?: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
	/**
	 * A filter Procore's list does not have, applied to its pages: given the Filters values, the
	 * records to keep (undefined: the filter is not set). With one set, the list is read to its end
	 * and the limit applies to what is kept.
	 */
	keep?: (filters: IDataObject) => ((record: IDataObject) => boolean) | undefined;
}

async function scopeIds(ctx: IExecuteFunctions, spec: ReadSpec, i: number): Promise<ScopeIds> {
	const companyId = await getCompanyId(ctx, i);
	return { companyId, projectId: spec.projectScoped ? getProjectId(ctx, i) : undefined };
}

export function getOperation(spec: ReadSpec): ItemOperation {
	return {
		output: spec.output ?? { fields: spec.fields },
		description: forOperation(spec.resource, 'get', [
			...(spec.projectScoped ? [projectLocator] : []),
			spec.idLocator,
		]),
		async execute(this: IExecuteFunctions, i: number) {
			const ids = await scopeIds(this, spec, i);
			ids.id = getRecordId(this, spec.idLocator.name, spec.label, i);
			const record = await procoreApiRequest.call(this, {
				method: 'GET',
				path: fillPath(spec.itemPath ?? `${spec.listPath}/{id}`, ids),
				qs: spec.scopeQuery?.(ids),
				companyId: ids.companyId,
				itemIndex: i,
			});
			return record;
		},
	};
}

export function getManyOperation(spec: ReadSpec): ItemOperation {
	const filters: INodeProperties[] = spec.filters?.length
		? [
				filtersCollection(spec.filters),
			]
		: [];
	return {
		output: spec.output ?? { fields: spec.fields },
		description: [
			...forOperation(spec.resource, 'getAll', spec.projectScoped ? [projectLocator] : []),
			...returnAllOrLimit({ resource: [spec.resource], operation: ['getAll'] }),
			...forOperation(spec.resource, 'getAll', [...filters]),
		],
		async execute(this: IExecuteFunctions, i: number) {
			const ids = await scopeIds(this, spec, i);
			const limit = readLimit(this, i);
			const filterValues = spec.filters?.length
				? (this.getNodeParameter('filters', i, {}) as IDataObject)
				: {};
			const qs: IDataObject = {
				...spec.scopeQuery?.(ids),
				...spec.listQuery?.(this, i),
				...spec.buildFilters?.(this, filterValues, i),
			};
			const keep = spec.keep?.(filterValues);
			const records = await procoreApiRequestAllItems.call(
				this,
				{ method: 'GET', path: fillPath(spec.listPath, ids), qs, companyId: ids.companyId, itemIndex: i },
				{ limit: keep ? undefined : limit },
			);
			return keep ? records.filter(keep).slice(0, limit) : records;
		},
	};
}

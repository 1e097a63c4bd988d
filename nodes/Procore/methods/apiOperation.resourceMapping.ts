import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { loadCatalog } from '../actions/apiOperation/catalog';
import { mapperFields } from '../actions/apiOperation/fields';
import { currentValue } from './currentValue';

/** The chosen operation's path, query and body fields, typed, for n8n's field mapper. */
export async function getCatalogFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const catalog = await loadCatalog();
	const id = currentValue(this, 'procoreOperation');
	const op = catalog.byId.get(id);
	if (!op) return { fields: [], emptyFieldsNotice: 'Choose a Procore operation first' };
	return { fields: mapperFields(op), emptyFieldsNotice: 'This operation takes no fields besides the company and project' };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { procoreApiRequestAllItems, CREDENTIAL_TYPE } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	// Procore exempts this call from the company header, except for service accounts.
	const companyId =
		credentials.grantType === 'clientCredentials' ? String(credentials.companyId ?? '') : undefined;
	const companies = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/rest/v1.0/companies',
		companyId,
		itemIndex: i,
	});
	return companies.map((c) => ({ id: c.id, name: c.name, is_active: c.is_active, my_company: c.my_company }));
}

/** Document > Attach to Record: the Record, Contract and Photo Album lists follow the chosen Record Type. */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import * as search from '../../../../../nodes/Procore/methods/attachment.listSearch';
import { createExecuteContext } from '../../../../helpers/executeContext';
import { API, company, project } from './helpers';

function loadOptionsContext(parameters: Record<string, unknown>): ILoadOptionsFunctions {
	const ctx = createExecuteContext({ parameters: { company, project, ...parameters } });
	// List search reads parameters without an item index.
	return {
		...ctx,
		getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never),
	} as unknown as ILoadOptionsFunctions;
}

describe('Document > Attach to Record list searches', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	const commitments = [
		{ id: 7001, number: 'SC-004', title: 'Concrete', type: 'WorkOrderContract', vendor: { name: 'Acme Concrete' } },
		{ id: 7002, number: 'PO-12', title: 'Rebar', type: 'PurchaseOrderContract', vendor: { name: 'Bolt Steel' } },
	];

	it('Record lists the project\'s RFIs when the Record Type is RFI', async () => {
		nock(API).get('/rest/v1.0/projects/101/rfis').query(true).reply(200, [{ id: 42, number: 7, subject: 'Anchor spacing' }]);
		const ctx = loadOptionsContext({ recordType: 'rfi' });
		expect((await search.searchAttachableRecords.call(ctx)).results).toEqual([{ name: '#7 Anchor spacing', value: '42' }]);
	});

	it('Record and Contract list only the contracts of the chosen type', async () => {
		nock(API).get('/rest/v1.0/commitments').query((q) => q.project_id === '101').times(2).reply(200, commitments);
		expect((await search.searchAttachableRecords.call(loadOptionsContext({ recordType: 'purchaseOrderContract' }))).results).toEqual([
			{ name: 'PO-12 – Rebar – Bolt Steel', value: '7002' },
		]);
		expect((await search.searchAttachmentContracts.call(loadOptionsContext({ recordType: 'workOrderComplianceDocument' }))).results).toEqual([
			{ name: 'SC-004 – Concrete – Acme Concrete', value: '7001' },
		]);
	});

	it('Record lists the compliance documents of the chosen contract, and nothing before one is chosen', async () => {
		nock(API)
			.get('/rest/v1.0/projects/101/work_order_contracts/7001/compliance_documents')
			.query(true)
			.reply(200, [{ id: 3, name: 'COI 2026', expires_at: '2027-01-31T00:00:00Z' }]);
		const parentId = { __rl: true, mode: 'list', value: '7001' };
		const withContract = loadOptionsContext({ recordType: 'workOrderComplianceDocument', parentId });
		expect((await search.searchAttachableRecords.call(withContract)).results).toEqual([{ name: 'COI 2026 (expires 2027-01-31)', value: '3' }]);
		const noContract = loadOptionsContext({ recordType: 'workOrderComplianceDocument', parentId: { __rl: true, mode: 'list', value: '' } });
		expect((await search.searchAttachableRecords.call(noContract)).results).toEqual([]);
	});

	it('Photo Album lists the project\'s image categories', async () => {
		nock(API)
			.get('/rest/v1.0/image_categories')
			.query((q) => q.project_id === '101')
			.reply(200, [
				{ id: 12, name: 'Level 3 pour', private: false },
				{ id: 13, name: 'Owner walk', private: true },
			]);
		expect((await search.searchPhotoAlbums.call(loadOptionsContext({ recordType: 'image' }), 'owner')).results).toEqual([
			{ name: 'Owner walk (private)', value: '13' },
		]);
	});
});

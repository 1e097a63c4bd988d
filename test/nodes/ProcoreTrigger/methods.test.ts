import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import { API, FakeWebhooksApi } from '../../helpers/fakeWebhooksApi';
import { createHookContext } from '../../helpers/triggerContext';

const node = new ProcoreTrigger();
const loadCtx = (parameters: IDataObject) => createHookContext({ parameters }) as unknown as ILoadOptionsFunctions;
const company = { __rl: true, mode: 'id', value: '4264807' };

afterEach(() => nock.cleanAll());

describe('Procore Trigger: description and load options', () => {
	it('is a POST webhook trigger answering on receipt, with every load-options method implemented', () => {
		const d = node.description;
		expect(d.name).toBe('procoreTrigger');
		expect(d.group).toEqual(['trigger']);
		expect(d.inputs).toEqual([]);
		expect(d.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }]);
		for (const p of d.properties) {
			const method = p.typeOptions?.loadOptionsMethod;
			if (method) expect(typeof (node.methods.loadOptions as Record<string, unknown>)[method]).toBe('function');
			const search = (p.modes ?? []).map((m) => m.typeOptions?.searchListMethod).filter(Boolean);
			for (const s of search) expect(typeof (node.methods.listSearch as Record<string, unknown>)[s!]).toBe('function');
		}
	});

	it('loads the resources Procore offers for the project and payload version', async () => {
		nock(API)
			.get('/rest/v2.0/companies/4264807/projects/101/webhooks/resources')
			.query({ payload_version: 'v3.0', page: '1', per_page: '100' })
			.reply(200, { data: [
				{ name: 'RFIs', payload_version: 'v3.0', actions: [{ name: 'create' }, { name: 'update' }] },
				{ name: 'Change Events', payload_version: 'v3.0', actions: ['create', 'update', 'delete'] },
			] });
		const options = await node.methods.loadOptions.getResources.call(
			loadCtx({ company, scope: 'project', project: { __rl: true, mode: 'id', value: '101' }, payloadVersion: 'v3.0' }),
		);
		expect(options).toEqual([
			{ name: 'Change Events', value: 'Change Events', description: 'Events: create, update, delete' },
			{ name: 'RFIs', value: 'RFIs', description: 'Events: create, update' },
		]);
	});

	it('falls back to the documented list when Procore refuses', async () => {
		nock(API).get('/rest/v2.0/companies/4264807/webhooks/resources').query(true).reply(403, { errors: 'Forbidden' });
		const options = await node.methods.loadOptions.getResources.call(loadCtx({ company, scope: 'company', payloadVersion: 'v2.0' }));
		expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['Projects', 'Company Vendors', 'Company Insurances']));
	});

	it('computes the All Projects publishing cost from the company\'s projects', async () => {
		const fake = new FakeWebhooksApi();
		fake.addProjects(50);
		fake.install();
		const [estimate] = await node.methods.loadOptions.estimatePublishCost.call(loadCtx({ company, projectStatus: 'active', projectIds: '' }));
		expect(estimate.name).toBe('50 projects: 51 hooks, about 104 API calls to publish');
		expect(estimate.description).toBe('A restart check takes about 52 calls, unpublishing 52. Projects not set up within Publish Time Limit get their hooks after the next deliveries.');
	});
});

import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { searchVendorCommitments, searchVendorInsurances } from '../../../../../nodes/Procore/methods/coi.listSearch';
import { createExecuteContext } from '../../../../helpers/executeContext';

const API = 'https://api.procore.test';

/** Update Compliance Status's lists depend on what is chosen above them: project, vendor and Write Status To. */
function loadOptionsContext(parameters: Record<string, unknown>): ILoadOptionsFunctions {
	const ctx = createExecuteContext({
		parameters: { company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '101' }, ...parameters },
	});
	return { ...ctx, getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never) } as unknown as ILoadOptionsFunctions;
}

describe('Update Compliance Status list search', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('Commitment lists only the chosen vendor\'s commitments in the project', async () => {
		nock(API)
			.get('/rest/v1.0/commitments')
			.query((q) => q.project_id === '101')
			.times(2)
			.reply(200, [
				{ id: 55, number: 'SC-001', title: 'Electrical', vendor: { id: 5, name: 'Acme Electric' } },
				{ id: 57, number: 'SC-002', title: 'Concrete', vendor: { id: 6, name: 'Other Co' } },
			]);
		const chosen = loadOptionsContext({ vendor: { __rl: true, mode: 'list', value: '5' } });
		expect((await searchVendorCommitments.call(chosen)).results).toEqual([{ name: 'SC-001 Electrical – Acme Electric', value: '55' }]);
		// A vendor given by name is not known here yet: every commitment of the project is offered.
		const byName = loadOptionsContext({ vendor: { __rl: true, mode: 'name', value: 'Acme Electric' } });
		expect((await searchVendorCommitments.call(byName)).results.map((r) => r.value)).toEqual(['55', '57']);
	});

	it('Insurance lists the vendor\'s insurances in the directory chosen in Write Status To, statuses in Procore\'s words', async () => {
		nock(API)
			.get('/rest/v1.0/companies/4264807/vendors/5/insurances')
			.query(true)
			.reply(200, [{ id: 88, insurance_type: 'General Liability', policy_number: 'GL-1', status: 'non_compliant_in_progress' }])
			.get('/rest/v1.0/projects/101/vendors/5/insurances')
			.query(true)
			.reply(200, [{ id: 99, insurance_type: 'Umbrella', status: 'compliant', expiration_date: '2027-03-31' }]);
		const vendor = { __rl: true, mode: 'id', value: '5' };
		const company = loadOptionsContext({ vendor, writeTo: ['companyInsurance', 'commitments'] });
		expect((await searchVendorInsurances.call(company)).results).toEqual([{ name: 'General Liability · GL-1 · Non-Compliant (In Progress)', value: '88' }]);
		const project = loadOptionsContext({ vendor, writeTo: ['projectInsurance'] });
		expect((await searchVendorInsurances.call(project)).results).toEqual([{ name: 'Umbrella · Compliant · exp. 2027-03-31', value: '99' }]);
		expect(nock.isDone()).toBe(true);
	});
});

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getCompanyId } from '../../helpers/context';
import { resolveVendor, vendorWithName } from '../vendor/resolve';
import { writeCommitments } from './complianceStatus/commitments';
import { writeInsurances } from './complianceStatus/insurances';
import { readDesired } from './complianceStatus/input';
import { complianceOutput } from './complianceStatus/output';

export { description } from './complianceStatus/description';
export { output } from './complianceStatus/output';

/**
 * What a COI platform calls when a vendor's compliance changes: the status is written where PMs
 * look (insurance records in the company or project directory, commitments in a project), only
 * where it differs, so a re-run writes nothing and says so. Each step lives in complianceStatus/.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const desired = readDesired(this, i);
	const { targets } = desired;
	const vendor = await vendorWithName(this, i, companyId, await resolveVendor(this, i, companyId));
	const outcomes = [
		...(targets.includes('companyInsurance') ? await writeInsurances(this, i, companyId, vendor, 'company', desired) : []),
		...(targets.includes('projectInsurance') ? await writeInsurances(this, i, companyId, vendor, 'project', desired) : []),
		...(targets.includes('commitments') ? await writeCommitments(this, i, companyId, vendor, desired) : []),
	];
	return complianceOutput(vendor, desired, outcomes);
}

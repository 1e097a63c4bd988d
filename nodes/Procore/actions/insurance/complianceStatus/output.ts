import type { IDataObject } from 'n8n-workflow';

import { toProcoreId } from '../../../helpers/context';
import type { OutputSpec } from '../../../helpers/output';
import type { ResolvedVendor } from '../../vendor/resolve';
import type { Outcome } from './compare';
import type { Desired } from './input';

/**
 * What Simplified keeps (helpers/output.ts; `summary` is always added): the vendor, the status in the
 * platform's and Procore's words, whether anything changed, and one row per record touched without
 * its field diff and written record (Raw keeps those: `changes`, `result`).
 */
export const output: OutputSpec = {
	fields: ['vendor_id', 'vendor_name', 'compliance_status', 'procore_insurance_status', 'procore_commitment_status', 'changed', 'records'],
	simplify: (item) => ({
		...item,
		records: ((item.records as IDataObject[] | undefined) ?? []).map((row) => {
			const trimmed = { ...row };
			delete trimmed.changes;
			delete trimmed.result;
			return trimmed;
		}),
	}),
};

/** One item per vendor: the status in the platform's and Procore's words, the sentence, and each record touched. */
export function complianceOutput(vendor: ResolvedVendor, desired: Desired, outcomes: Outcome[]): IDataObject {
	const changed = outcomes.some((o) => o.changed);
	const preview = outcomes.some((o) => o.preview);
	const sentences = outcomes.map((o) => o.sentence).join('; ');
	return {
		vendor_id: toProcoreId(vendor.id),
		vendor_name: vendor.name ?? null,
		compliance_status: desired.status.label,
		procore_insurance_status: desired.status.insuranceStatus,
		procore_commitment_status: desired.status.commitmentStatus,
		changed,
		...(preview ? { preview: true } : {}),
		summary: changed ? sentences : `${sentences}; nothing written`,
		records: outcomes.map((o) => o.detail),
	};
}

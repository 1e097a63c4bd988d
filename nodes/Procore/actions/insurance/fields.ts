import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isoDay } from '../../helpers/filters';
import { INSURANCE_STATUS_OPTIONS } from './statusMap';

/** What "Simplified" keeps of an insurance record. */
export const INSURANCE_FIELDS = [
	'id',
	'vendor_id',
	'insurance_type',
	'policy_number',
	'insurance_provider',
	'status',
	'effective_date',
	'expiration_date',
	'limit',
	'origin_id',
];

/** Insurance fields shared by Create, Update and Upsert (Procore's names in `insuranceFieldsToBody`). */
export const insuranceFieldOptions: INodeProperties[] = [
	{
		displayName: 'Additional Insured',
		name: 'additionalInsured',
		type: 'string',
		default: '',
		description: 'People or companies named as additional insured on the certificate',
	},
	{ displayName: 'Effective Date', name: 'effectiveDate', type: 'dateTime', default: '' },
	{
		displayName: 'Expiration Date',
		name: 'expirationDate',
		type: 'dateTime',
		default: '',
		description: 'The policy end date (Procore keeps the day, YYYY-MM-DD)',
	},
	{
		displayName: 'Expired Insurance Notifications',
		name: 'enableExpiredInsuranceNotifications',
		type: 'boolean',
		default: true,
		description: 'Whether Procore emails when the policy expires',
	},
	{ displayName: 'Exempt', name: 'exempt', type: 'boolean', default: false, description: 'Whether the vendor is exempt from this insurance requirement' },
	{ displayName: 'Information Received', name: 'infoReceived', type: 'boolean', default: false, description: 'Whether the certificate has been received' },
	{ displayName: 'Insurance Type', name: 'insuranceType', type: 'string', default: '', placeholder: 'e.g. General Liability' },
	{ displayName: 'Limit', name: 'limit', type: 'string', default: '', placeholder: 'e.g. 2,000,000 per occurrence' },
	{ displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Origin ID',
		name: 'originId',
		type: 'string',
		default: '',
		description: 'The ID of this certificate in your COI platform; unique across the company, so re-runs update instead of duplicating',
	},
	{ displayName: 'Policy Number', name: 'policyNumber', type: 'string', default: '' },
	{ displayName: 'Provider Name', name: 'providerName', type: 'string', default: '', description: 'The insurer, e.g. Travelers' },
	{ displayName: 'Status', name: 'status', type: 'options', options: INSURANCE_STATUS_OPTIONS, default: 'compliant', description: 'Procore\'s compliance status of this insurance' },
];

const TEXT_FIELDS: Record<string, string> = {
	additionalInsured: 'additional_insured',
	insuranceType: 'insurance_type',
	limit: 'limit',
	notes: 'notes',
	originId: 'origin_id',
	policyNumber: 'policy_number',
	providerName: 'name',
	status: 'status',
};

const BOOLEAN_FIELDS: Record<string, string> = {
	enableExpiredInsuranceNotifications: 'enable_expired_insurance_notifications',
	exempt: 'exempt',
	infoReceived: 'info_received',
};

/** The `insurance` body for the chosen fields; dates become days, empty text is left out. */
export function insuranceFieldsToBody(ctx: IExecuteFunctions, f: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [option, field] of Object.entries(TEXT_FIELDS)) {
		if (f[option] !== undefined && f[option] !== null && String(f[option]).trim() !== '') body[field] = String(f[option]).trim();
	}
	for (const [option, field] of Object.entries(BOOLEAN_FIELDS)) {
		if (typeof f[option] === 'boolean') body[field] = f[option];
	}
	if (f.effectiveDate) body.effective_date = isoDay(ctx, f.effectiveDate, 'Effective Date', itemIndex);
	if (f.expirationDate) body.expiration_date = isoDay(ctx, f.expirationDate, 'Expiration Date', itemIndex);
	if (body.effective_date && body.expiration_date && String(body.expiration_date) < String(body.effective_date)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Expiration Date ${String(body.expiration_date)} is before Effective Date ${String(body.effective_date)}`,
			{ description: 'Check the two dates (they may be swapped, or read in another day/month order): a policy must expire after it takes effect.', itemIndex },
		);
	}
	return body;
}

/** "Insurance 88 (General Liability, GL-123)": how summaries name a record. */
export function insuranceName(record: IDataObject): string {
	const details = [record.insurance_type, record.policy_number].filter((v) => v !== undefined && v !== null && v !== '');
	return `Insurance${record.id !== undefined ? ` ${String(record.id)}` : ''}${details.length ? ` (${details.join(', ')})` : ''}`;
}


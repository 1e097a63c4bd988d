import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getProjectId, normalizeId } from '../../../helpers/context';
import { procoreWrite } from '../../../helpers/write';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../../transport';
import type { ResolvedVendor } from '../../vendor/resolve';
import { insuranceName } from '../fields';
import type { Outcome } from './compare';
import { changedFields, statusPhrase } from './compare';
import type { Desired } from './input';

export type Directory = 'company' | 'project';

interface Found {
	basePath: string;
	records: IDataObject[];
	/** The record to create when none has the key and Create If Missing is on. */
	newRecord?: IDataObject;
}

const KEYS: Record<string, { parameter: string; label: string; field: string }> = {
	originId: { parameter: 'insuranceOriginId', label: 'Insurance Origin ID', field: 'origin_id' },
	policyNumber: { parameter: 'insurancePolicyNumber', label: 'Policy Number', field: 'policy_number' },
	insuranceId: { parameter: 'insuranceRecordId', label: 'Insurance', field: 'id' },
};

function fail(ctx: IExecuteFunctions, i: number, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { description, itemIndex: i });
}

/** The vendor's insurance records in one directory that the Insurance Record setting points at. */
async function findInsurances(ctx: IExecuteFunctions, i: number, companyId: string, vendor: ResolvedVendor, directory: Directory, desired: Desired): Promise<Found> {
	const basePath =
		directory === 'project'
			? `/rest/v1.0/projects/${getProjectId(ctx, i)}/vendors/${vendor.id}/insurances`
			: `/rest/v1.0/companies/${companyId}/vendors/${vendor.id}/insurances`;
	const match = ctx.getNodeParameter('insuranceMatch', i, 'originId') as string;
	const readAll = async () => await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: basePath, companyId, itemIndex: i });
	if (match === 'all') {
		const records = await readAll();
		if (!records.length) {
			fail(ctx, i, `${vendor.name ?? `Vendor ${vendor.id}`} has no insurance in the ${directory} directory`, 'Set Insurance Record to "By Origin ID" (Create If Missing is on by default), so the COI platform\'s record is created.');
		}
		return { basePath, records };
	}
	const key = KEYS[match];
	if (!key) fail(ctx, i, `Insurance Record "${match}" is not a known choice`, 'Choose All of the Vendor\'s Insurances, By Origin ID, By Policy Number or Chosen Insurance.');
	const value = normalizeId(ctx.getNodeParameter(key.parameter, i, '', { extractValue: true }));
	if (!value) fail(ctx, i, `${key.label} is required`, `Enter the ${key.label} of the insurance record to update, or choose another Insurance Record option.`);
	if (match === 'insuranceId') {
		if (!/^\d{1,20}$/.test(value)) fail(ctx, i, `Insurance "${value}" is not a Procore ID`, 'Pick the insurance from the list, or enter its numeric ID (see Insurance > Get Many).');
		return { basePath, records: [await procoreApiRequest.call(ctx, { method: 'GET', path: `${basePath}/${value}`, companyId, itemIndex: i })] };
	}
	const records = (await readAll()).filter((r) => String(r[key.field] ?? '').trim().toLowerCase() === value.toLowerCase());
	if (records.length > 1 && match === 'policyNumber') {
		fail(ctx, i, `${records.length} insurances of the vendor have policy number "${value}"`, `Insurance IDs ${records.map((r) => String(r.id)).join(', ')}. Choose one with Insurance Record "Chosen Insurance".`);
	}
	if (records.length) return { basePath, records };
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	if (options.createIfMissing === false) {
		fail(ctx, i, `No insurance of the vendor has ${key.label} "${value}"`, 'Turn on Create If Missing (under Options), or check the value against Insurance > Get Many.');
	}
	const insuranceType = String(options.newInsuranceType ?? '').trim() || 'Certificate of Insurance';
	return { basePath, records, newRecord: { insurance_type: insuranceType, [key.field]: value, ...desired.insurance } };
}

/** Writes the status to the matching insurance records of one directory, only where it differs. */
export async function writeInsurances(
	ctx: IExecuteFunctions,
	i: number,
	companyId: string,
	vendor: ResolvedVendor,
	directory: Directory,
	desired: Desired,
): Promise<Outcome[]> {
	const { basePath, records, newRecord } = await findInsurances(ctx, i, companyId, vendor, directory, desired);
	const who = vendor.name ?? `vendor ${vendor.id}`;
	const outcomes: Outcome[] = [];
	if (newRecord) {
		const result = await procoreWrite.call(ctx, {
			itemIndex: i,
			action: 'create',
			recordLabel: 'Insurance',
			request: { method: 'POST', path: basePath, body: { insurance: newRecord }, companyId },
			wrapperKey: 'insurance',
			auditField: 'origin_data',
			summarize: (record, _c, preview) =>
				`${preview ? 'Would create' : 'Created'} ${insuranceName(record)} for ${who}: ${statusPhrase({ status: newRecord.status }, newRecord, 'status', 'expiration_date')}`,
		});
		outcomes.push({
			sentence: String(result.summary),
			changed: true,
			preview: result.preview === true,
			detail: { record: 'insurance', directory, action: 'create', id: result.id ?? null, previous_status: null, status: newRecord.status, result },
		});
	}
	for (const previous of records) {
		const changes = changedFields(previous, desired.insurance);
		const name = insuranceName(previous);
		if (!Object.keys(changes).length) {
			outcomes.push({
				sentence: `${name} for ${who}: already ${statusPhrase(previous, desired.insurance, 'status', 'expiration_date')}`,
				changed: false,
				preview: false,
				detail: { record: 'insurance', directory, action: 'none', id: previous.id, previous_status: previous.status, status: previous.status },
			});
			continue;
		}
		const result = await procoreWrite.call(ctx, {
			itemIndex: i,
			action: 'update',
			recordLabel: 'Insurance',
			request: { method: 'PATCH', path: `${basePath}/${String(previous.id)}`, body: { insurance: changes }, companyId },
			wrapperKey: 'insurance',
			auditField: 'origin_data',
			previous,
			summarize: (_r, _c, preview) => `${preview ? 'Would set ' : ''}${name} for ${who}: ${statusPhrase(previous, desired.insurance, 'status', 'expiration_date')}`,
		});
		outcomes.push({
			sentence: String(result.summary),
			changed: true,
			preview: result.preview === true,
			detail: {
				record: 'insurance',
				directory,
				action: 'update',
				id: previous.id,
				previous_status: previous.status,
				status: desired.insurance.status,
				changes: (result.changes as IDataObject[] | undefined) ?? [],
			},
		});
	}
	return outcomes;
}

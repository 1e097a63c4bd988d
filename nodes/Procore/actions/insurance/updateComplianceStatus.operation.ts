import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId, toProcoreId } from '../../helpers/context';
import { isoDay } from '../../helpers/filters';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import type { CommitmentType } from '../commitment/common';
import { commitmentLocator, commitmentName, commitmentType, compliancePath, getCommitment } from '../commitment/common';
import { forOperation } from '../operationSelector';
import type { ResolvedVendor } from '../vendor/resolve';
import { resolveVendor, vendorLocator, vendorWithName } from '../vendor/resolve';
import { insuranceName } from './fields';
import type { PlatformStatus, StatusMapping } from './statusMap';
import { PLATFORM_STATUS_OPTIONS, STATUS_MAP, platformStatusFrom } from './statusMap';

const OP = 'updateComplianceStatus';

export const description: INodeProperties[] = forOperation('insurance', OP, [
	vendorLocator({
		description:
			'The subcontractor whose compliance changed. Pick it, enter its Procore ID, its exact name (as in the Procore directory), or the origin ID your COI platform stored on it.',
	}),
	{
		displayName: 'Compliance Status',
		name: 'complianceStatus',
		type: 'options',
		required: true,
		options: PLATFORM_STATUS_OPTIONS,
		default: 'compliant',
		description:
			'The status in your COI platform. It is translated to Procore\'s statuses (see each option); an expression may also give the platform\'s own word, e.g. "non-compliant".',
	},
	{
		displayName: 'Expiration Date',
		name: 'expirationDate',
		type: 'dateTime',
		default: '',
		description: 'When the certificate expires (written to the insurance record). Leave empty to keep Procore\'s date.',
	},
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Why the status is what it is (e.g. "Umbrella limit below $5M"). Leave empty to keep Procore\'s notes.',
	},
	{
		displayName: 'Certificate Link',
		name: 'certificateUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://app.coi-platform.com/vendors/8842',
		description: 'Link back to the vendor or certificate in your COI platform, added to the notes so PMs can open it from Procore',
	},
	{
		displayName: 'Update Insurance',
		name: 'updateInsurance',
		type: 'boolean',
		default: true,
		description: 'Whether to write the status to the vendor\'s insurance record(s) in the Procore directory',
	},
	{
		displayName: 'Directory',
		name: 'insuranceLevel',
		type: 'options',
		options: [
			{ name: 'Company', value: 'company', description: 'The vendor\'s insurances in the company directory' },
			{ name: 'Project', value: 'project', description: 'The vendor\'s insurances in the project\'s directory' },
		],
		default: 'company',
		displayOptions: { show: { updateInsurance: [true] } },
	},
	{
		displayName: 'Insurance Record',
		name: 'insuranceMatch',
		type: 'options',
		options: [
			{
				name: 'By Origin ID',
				value: 'originId',
				description: 'The record your COI platform keeps for this vendor or certificate (created if missing)',
			},
			{ name: 'By Policy Number', value: 'policyNumber', description: 'The vendor\'s insurance with this policy number' },
			{ name: 'By Insurance ID', value: 'insuranceId', description: 'One Procore insurance record' },
			{
				name: 'Every Insurance of the Vendor',
				value: 'all',
				description: 'Each of the vendor\'s insurance records in the directory gets the status (and the expiration date, if given)',
			},
		],
		default: 'originId',
		displayOptions: { show: { updateInsurance: [true] } },
	},
	{
		displayName: 'Insurance Origin ID',
		name: 'insuranceOriginId',
		type: 'string',
		default: '',
		placeholder: 'e.g. coi-2026-0042',
		description: 'Your COI platform\'s ID for the certificate or vendor; unique across the Procore company',
		displayOptions: { show: { updateInsurance: [true], insuranceMatch: ['originId'] } },
	},
	{
		displayName: 'Policy Number',
		name: 'insurancePolicyNumber',
		type: 'string',
		default: '',
		displayOptions: { show: { updateInsurance: [true], insuranceMatch: ['policyNumber'] } },
	},
	{
		displayName: 'Insurance ID',
		name: 'insuranceRecordId',
		type: 'string',
		default: '',
		description: 'See Insurance > Get Many',
		displayOptions: { show: { updateInsurance: [true], insuranceMatch: ['insuranceId'] } },
	},
	{
		displayName: 'Create If Missing',
		name: 'createIfMissing',
		type: 'boolean',
		default: true,
		description: 'Whether to create the insurance record when none matches (re-runs then find it by the same key)',
		displayOptions: { show: { updateInsurance: [true], insuranceMatch: ['originId', 'policyNumber'] } },
	},
	{
		displayName: 'Insurance Type for New Records',
		name: 'newInsuranceType',
		type: 'string',
		default: 'Certificate of Insurance',
		displayOptions: { show: { updateInsurance: [true], insuranceMatch: ['originId', 'policyNumber'], createIfMissing: [true] } },
	},
	{
		displayName: 'Update Commitments',
		name: 'updateCommitments',
		type: 'boolean',
		default: false,
		description:
			'Whether to also write the status on the vendor\'s commitments (subcontracts, purchase orders) in a project, where PMs and supers look',
	},
	{
		...projectLocator,
		required: false,
		description:
			'The project (needed for the project directory and for commitments). Pick it, enter its ID, or paste its URL.',
	},
	{
		...commitmentLocator,
		required: false,
		description: 'One commitment to update. Leave empty to update every commitment of the vendor in the project.',
		displayOptions: { show: { updateCommitments: [true] } },
	},
	{
		displayName: 'Commitment Status Field',
		name: 'commitmentField',
		type: 'options',
		options: [
			{ name: 'Insurance Status', value: 'insurance', description: 'The commitment\'s insurance status and notes' },
			{ name: 'Compliance Status', value: 'compliance', description: 'The commitment\'s compliance status and notes' },
			{ name: 'Both', value: 'both' },
		],
		default: 'insurance',
		displayOptions: { show: { updateCommitments: [true] } },
	},
	writeOptionsCollection,
]);

interface Desired {
	status: StatusMapping;
	insurance: IDataObject;
	notes?: string;
}

interface Outcome {
	sentence: string;
	changed: boolean;
	preview: boolean;
	detail: IDataObject;
}

function same(field: string, previous: unknown, next: unknown): boolean {
	// An unset flag reads as false in Procore, so writing false over it changes nothing.
	if (typeof next === 'boolean') return (previous === true || previous === 'true') === next;
	const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
	if (field.endsWith('_date')) return text(previous).slice(0, 10) === text(next);
	return text(previous) === text(next);
}

function changedFields(previous: IDataObject, desired: IDataObject): IDataObject {
	const changes: IDataObject = {};
	for (const [field, value] of Object.entries(desired)) {
		if (!same(field, previous[field], value)) changes[field] = value;
	}
	return changes;
}

/** "non_compliant → compliant (expires 2027-03-31)" */
function statusPhrase(previous: IDataObject, next: IDataObject, statusField: string, dateField?: string): string {
	const before = previous[statusField];
	const after = next[statusField] ?? before;
	const status = same(statusField, before, after) ? String(after) : `${String(before ?? '(none)')} → ${String(after)}`;
	const extras: string[] = [];
	if (dateField && next[dateField] !== undefined) {
		const was = String(previous[dateField] ?? '').slice(0, 10);
		const now = String(next[dateField]);
		extras.push(was && was !== now ? `expires ${was} → ${now}` : `expires ${now}`);
	}
	if (next.exempt === true) extras.push('exempt');
	return `${status}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

function desiredFor(ctx: IExecuteFunctions, i: number): Desired {
	const raw = ctx.getNodeParameter('complianceStatus', i);
	const key = platformStatusFrom(raw) ?? (raw as PlatformStatus);
	const status = STATUS_MAP[key];
	if (!status) {
		throw new NodeOperationError(ctx.getNode(), `Compliance Status "${String(raw)}" is not one Procore can be given`, {
			description: `Use one of: ${Object.values(STATUS_MAP).map((s) => s.label).join(', ')} (the words of your COI platform are translated to Procore's).`,
			itemIndex: i,
		});
	}
	const notesText = String(ctx.getNodeParameter('notes', i, '') ?? '').trim();
	const link = String(ctx.getNodeParameter('certificateUrl', i, '') ?? '').trim();
	if (link && !/^https?:\/\//i.test(link)) {
		throw new NodeOperationError(ctx.getNode(), `Certificate Link "${link}" is not a web address`, {
			description: 'Enter the full link starting with https://, or leave it empty.',
			itemIndex: i,
		});
	}
	const notes = [notesText, link ? `Certificate: ${link}` : ''].filter(Boolean).join('\n') || undefined;
	const insurance: IDataObject = { status: status.insuranceStatus, exempt: status.exempt };
	const expiration = ctx.getNodeParameter('expirationDate', i, '');
	if (expiration) insurance.expiration_date = isoDay(ctx, expiration, 'Expiration Date', i);
	if (notes !== undefined) insurance.notes = notes;
	return { status, insurance, notes };
}

function optionalProjectId(ctx: IExecuteFunctions, i: number): string {
	return normalizeId(ctx.getNodeParameter('project', i, '', { extractValue: true }));
}

async function writeInsurances(
	ctx: IExecuteFunctions,
	i: number,
	companyId: string,
	vendor: ResolvedVendor,
	desired: Desired,
): Promise<Outcome[]> {
	const level = ctx.getNodeParameter('insuranceLevel', i, 'company') as string;
	const projectId = level === 'project' ? getProjectId(ctx, i) : undefined;
	const basePath = projectId
		? `/rest/v1.0/projects/${projectId}/vendors/${vendor.id}/insurances`
		: `/rest/v1.0/companies/${companyId}/vendors/${vendor.id}/insurances`;
	const match = ctx.getNodeParameter('insuranceMatch', i, 'originId') as string;
	const keyParameter: Record<string, [string, string, string]> = {
		originId: ['insuranceOriginId', 'Insurance Origin ID', 'origin_id'],
		policyNumber: ['insurancePolicyNumber', 'Policy Number', 'policy_number'],
		insuranceId: ['insuranceRecordId', 'Insurance ID', 'id'],
	};
	let records: IDataObject[];
	let newRecord: IDataObject | undefined;
	if (match === 'all') {
		records = await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: basePath, companyId, itemIndex: i });
		if (!records.length) {
			throw new NodeOperationError(ctx.getNode(), `${vendor.name ?? `Vendor ${vendor.id}`} has no insurance in the ${level} directory`, {
				description: 'Set Insurance Record to "By Origin ID" with Create If Missing on, so the COI platform\'s record is created.',
				itemIndex: i,
			});
		}
	} else {
		const [name, label, field] = keyParameter[match];
		const key = String(ctx.getNodeParameter(name, i, '') ?? '').trim();
		if (!key) {
			throw new NodeOperationError(ctx.getNode(), `${label} is required`, {
				description: `Enter the ${label} of the insurance record to update, or choose another Insurance Record option.`,
				itemIndex: i,
			});
		}
		if (match === 'insuranceId') {
			if (!/^\d{1,20}$/.test(key)) {
				throw new NodeOperationError(ctx.getNode(), `Insurance ID "${key}" is not a Procore ID`, {
					description: 'Enter the numeric ID from Insurance > Get Many.',
					itemIndex: i,
				});
			}
			records = [await procoreApiRequest.call(ctx, { method: 'GET', path: `${basePath}/${key}`, companyId, itemIndex: i })];
		} else {
			const all = await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: basePath, companyId, itemIndex: i });
			records = all.filter((r) => String(r[field] ?? '').trim().toLowerCase() === key.toLowerCase());
			if (records.length > 1 && match === 'policyNumber') {
				throw new NodeOperationError(ctx.getNode(), `${records.length} insurances of the vendor have policy number "${key}"`, {
					description: `Insurance IDs ${records.map((r) => String(r.id)).join(', ')}. Choose one By Insurance ID.`,
					itemIndex: i,
				});
			}
			if (!records.length) {
				if (!ctx.getNodeParameter('createIfMissing', i, true)) {
					throw new NodeOperationError(ctx.getNode(), `No insurance of the vendor has ${label} "${key}"`, {
						description: 'Turn on Create If Missing, or check the value against Insurance > Get Many.',
						itemIndex: i,
					});
				}
				newRecord = {
					insurance_type: String(ctx.getNodeParameter('newInsuranceType', i, 'Certificate of Insurance') || 'Certificate of Insurance'),
					[field]: key,
					...desired.insurance,
				};
			}
		}
	}

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
			detail: { record: 'insurance', action: 'create', id: result.id ?? null, previous_status: null, status: newRecord.status, result },
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
				detail: { record: 'insurance', action: 'none', id: previous.id, previous_status: previous.status, status: previous.status },
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
			summarize: (_r, _c, preview) =>
				`${preview ? 'Would set ' : ''}${name} for ${who}: ${statusPhrase(previous, desired.insurance, 'status', 'expiration_date')}`,
		});
		outcomes.push({
			sentence: String(result.summary),
			changed: true,
			preview: result.preview === true,
			detail: {
				record: 'insurance',
				action: 'update',
				id: previous.id,
				previous_status: previous.status,
				status: desired.insurance.status,
				changes: result.changes ?? [],
			},
		});
	}
	return outcomes;
}

async function writeCommitments(
	ctx: IExecuteFunctions,
	i: number,
	companyId: string,
	vendor: ResolvedVendor,
	desired: Desired,
): Promise<Outcome[]> {
	if (!optionalProjectId(ctx, i)) {
		throw new NodeOperationError(ctx.getNode(), 'Project is required to update commitments', {
			description: 'Choose the Project whose subcontracts or purchase orders should show the status, or turn off Update Commitments.',
			itemIndex: i,
		});
	}
	const projectId = getProjectId(ctx, i);
	const chosen = normalizeId(ctx.getNodeParameter('commitment', i, '', { extractValue: true }));
	let commitments: IDataObject[];
	if (chosen) {
		if (!/^\d{1,20}$/.test(chosen)) {
			throw new NodeOperationError(ctx.getNode(), `Commitment "${chosen}" is not a Procore ID`, {
				description: 'Choose the commitment from the list, enter its ID, or leave it empty for all of the vendor\'s commitments.',
				itemIndex: i,
			});
		}
		const record = await getCommitment(ctx, i, companyId, projectId, chosen);
		const owner = normalizeId((record.vendor as IDataObject | undefined)?.id);
		if (owner && owner !== vendor.id) {
			throw new NodeOperationError(ctx.getNode(), `Commitment ${chosen} belongs to another vendor (${String((record.vendor as IDataObject).name ?? owner)})`, {
				description: `It is not a commitment of ${vendor.name ?? `vendor ${vendor.id}`}; choose one of this vendor's commitments or leave Commitment empty.`,
				itemIndex: i,
			});
		}
		commitments = [record];
	} else {
		const all = await procoreApiRequestAllItems.call(ctx, {
			method: 'GET',
			path: '/rest/v1.0/commitments',
			qs: { project_id: projectId },
			companyId,
			itemIndex: i,
		});
		commitments = all.filter((c) => normalizeId((c.vendor as IDataObject | undefined)?.id) === vendor.id);
	}
	const field = ctx.getNodeParameter('commitmentField', i, 'insurance') as string;
	const prefixes = field === 'both' ? ['insurance', 'compliance'] : [field];
	const wanted: IDataObject = {};
	for (const prefix of prefixes) {
		wanted[`${prefix}_status`] = desired.status.commitmentStatus;
		if (desired.notes !== undefined) wanted[`${prefix}_notes`] = desired.notes;
	}
	const outcomes: Outcome[] = [];
	for (const commitment of commitments) {
		const id = String(commitment.id);
		const type: CommitmentType = await commitmentType(ctx, i, companyId, projectId, id, 'auto', commitment.type ? commitment : undefined);
		const path = compliancePath(projectId, type, id);
		const previous = await procoreApiRequest.call(ctx, { method: 'GET', path, companyId, itemIndex: i });
		const changes = changedFields(previous, wanted);
		const name = commitmentName(commitment, type);
		const phrase = prefixes
			.map((p) => `${p} status ${statusPhrase(previous, wanted, `${p}_status`)}`)
			.join(', ');
		if (!Object.keys(changes).length) {
			outcomes.push({
				sentence: `${name}: already ${phrase}`,
				changed: false,
				preview: false,
				detail: { record: 'commitment', action: 'none', id: commitment.id, type },
			});
			continue;
		}
		const result = await procoreWrite.call(ctx, {
			itemIndex: i,
			action: 'update',
			recordLabel: 'Commitment compliance',
			request: { method: 'PATCH', path, body: changes, companyId },
			auditField: null,
			previous,
			summarize: (_r, _c, preview) => `${preview ? 'Would set ' : ''}${name}: ${phrase}`,
		});
		outcomes.push({
			sentence: String(result.summary),
			changed: true,
			preview: result.preview === true,
			detail: {
				record: 'commitment',
				action: 'update',
				id: commitment.id,
				type,
				changes: result.changes ?? [],
			},
		});
	}
	if (!commitments.length) {
		outcomes.push({
			sentence: `${vendor.name ?? `Vendor ${vendor.id}`} has no commitment in project ${projectId}`,
			changed: false,
			preview: false,
			detail: { record: 'commitment', action: 'none', id: null },
		});
	}
	return outcomes;
}

/**
 * What a COI platform calls when a vendor's compliance changes: the status is written where PMs
 * look (insurance records, optionally commitments), only where it differs, so a re-run writes
 * nothing and says so.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const desired = desiredFor(this, i);
	const updateInsurance = this.getNodeParameter('updateInsurance', i, true) as boolean;
	const updateCommitments = this.getNodeParameter('updateCommitments', i, false) as boolean;
	if (!updateInsurance && !updateCommitments) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			description: 'Turn on Update Insurance, Update Commitments, or both.',
			itemIndex: i,
		});
	}
	const vendor = await vendorWithName(this, i, companyId, await resolveVendor(this, i, companyId));
	const outcomes = [
		...(updateInsurance ? await writeInsurances(this, i, companyId, vendor, desired) : []),
		...(updateCommitments ? await writeCommitments(this, i, companyId, vendor, desired) : []),
	];
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

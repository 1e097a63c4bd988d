import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId } from '../../helpers/context';
import { createOptionsCollection, procoreWrite } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { commitmentLocator, commitmentType, commitmentTypeLabel, commitmentTypeParameter, contractSegment } from '../commitment/common';
import { forOperation } from '../operationSelector';
import { certificateFiles, certificateParameters, certificateUploadIds, givenUploadIds } from './uploads';
import type { OutputSpec } from '../../helpers/output';
import { COMPLIANCE_DOCUMENT_FIELDS } from './getAll.operation';

export const DOCUMENT_TYPES = [
	{ name: 'Bond', value: 'bond' },
	{ name: 'License', value: 'license' },
	{ name: 'Master Agreement', value: 'master_agreement' },
	{ name: 'Other (E.g. Certificate of Insurance)', value: 'other' },
	{ name: 'Permit', value: 'permit' },
	{ name: 'Safety', value: 'safety' },
	{ name: 'W-9', value: 'w9' },
];

export const description: INodeProperties[] = forOperation('complianceDocument', 'create', [
	projectLocator,
	commitmentLocator,
	commitmentTypeParameter,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. COI 2026-2027 – Acme Electric',
	},
	{ displayName: 'Type', name: 'documentType', type: 'options', options: DOCUMENT_TYPES, default: 'other' },
	{
		displayName: 'Status',
		name: 'documentStatus',
		type: 'options',
		options: [
			{ name: 'Compliant', value: 'compliant' },
			{ name: 'Not Compliant', value: 'not_compliant' },
		],
		default: 'compliant',
	},
	...certificateParameters,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Effective At', name: 'effectiveAt', type: 'dateTime', default: '' },
			{ displayName: 'Expires At', name: 'expiresAt', type: 'dateTime', default: '' },
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '', description: 'For example a link back to the certificate in the COI platform' },
			{
				displayName: 'Send Expiration Notification',
				name: 'sendExpirationNotification',
				type: 'boolean',
				default: true,
				description: 'Whether Procore notifies when the document expires',
			},
		],
	},
	createOptionsCollection(
		'Whether to add another document when one with the same name and expiry is already on the commitment. Off: re-runs return the existing one.',
	),
]);

function instant(value: unknown): string {
	return new Date(String(value)).toISOString();
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const commitmentId = getRecordId(this, 'commitment', 'Commitment', i);
	// Typed IDs and the certificate's binary fields are checked before anything is read or written.
	givenUploadIds(this, i);
	const certificateNames = await certificateFiles(this, i);
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const type = await commitmentType(this, i, companyId, projectId, commitmentId, this.getNodeParameter('commitmentType', i, 'auto') as string);
	const attributes: IDataObject = {
		name: String(this.getNodeParameter('name', i)).trim(),
		type: this.getNodeParameter('documentType', i, 'other'),
		status: this.getNodeParameter('documentStatus', i, 'compliant'),
	};
	if (f.notes) attributes.notes = f.notes;
	if (f.effectiveAt) attributes.effective_at = instant(f.effectiveAt);
	if (f.expiresAt) attributes.expires_at = instant(f.expiresAt);
	if (typeof f.sendExpirationNotification === 'boolean') attributes.send_expiration_notification = f.sendExpirationNotification;
	const path = `/rest/v1.0/projects/${projectId}/${contractSegment(type)}/${commitmentId}/compliance_documents`;
	const where = `${commitmentTypeLabel(type)} ${commitmentId}`;
	if (!options.allowDuplicate) {
		const existing = (await procoreApiRequestAllItems.call(this, { method: 'GET', path, companyId, itemIndex: i })).find(
			(d) =>
				String(d.name ?? '').trim().toLowerCase() === String(attributes.name).toLowerCase() &&
				String(d.expires_at ?? '').slice(0, 10) === String(attributes.expires_at ?? '').slice(0, 10),
		);
		if (existing) {
			return {
				...existing,
				summary: `Compliance document ${String(existing.id)} "${String(existing.name)}" is already on ${where}; nothing created`,
				skipped: true,
			};
		}
	}
	// Uploaded only now: a re-run that finds the document uploads nothing.
	const previewOnly = options.previewOnly === true;
	const certificate = await certificateUploadIds(this, i, { companyId, projectId, preview: previewOnly });
	const uploadIds = certificate.ids;
	if (uploadIds.length) attributes.upload_ids = uploadIds;
	const fileCount = uploadIds.length + (previewOnly ? certificateNames.length : 0);
	const result = await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Compliance document',
		request: { method: 'POST', path, body: { attributes }, companyId },
		wrapperKey: 'attributes',
		auditField: null,
		summarize: (record, _c, preview) =>
			`${preview ? 'Would add' : 'Added'} compliance document${record.id !== undefined ? ` ${String(record.id)}` : ''} "${String(attributes.name)}" (${String(attributes.status)}${attributes.expires_at ? `, expires ${String(attributes.expires_at).slice(0, 10)}` : ''}) to ${where} with ${fileCount} file${fileCount === 1 ? '' : 's'}${certificate.files.length ? ` (${certificate.files.map((c) => String(c.fileName)).join(', ')}${previewOnly ? ' would be uploaded' : ' uploaded'})` : ''}`,
	});
	return certificate.files.length ? { ...result, certificate_files: certificate.files } : result;
}

export const output: OutputSpec = { fields: COMPLIANCE_DOCUMENT_FIELDS };

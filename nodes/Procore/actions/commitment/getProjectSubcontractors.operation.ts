import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../../helpers/context';
import { simplify } from '../../helpers/output';
import { procoreApiRequestAllItems } from '../../transport';
import { projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const description: INodeProperties[] = forOperation('commitment', 'getProjectSubcontractors', [
	projectLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Contacts',
				name: 'includeContacts',
				type: 'boolean',
				default: true,
				description: 'Whether to add each vendor\'s people in the project directory (name, email, phone), e.g. for certificate requests',
			},
			{
				displayName: 'Include Project Directory Vendors',
				name: 'includeDirectory',
				type: 'boolean',
				default: false,
				description:
					'Whether the vendors in the project\'s directory count too, with or without a commitment (each item then says in_directory), e.g. the subs a COI platform onboards before their subcontract is written',
			},
			{
				displayName: 'Include Void and Terminated',
				name: 'includeVoid',
				type: 'boolean',
				default: false,
				description: 'Whether vendors whose only commitments are void or terminated count as on the project',
			},
		],
	},
]);

const ENDED = new Set(['void', 'terminated']);
/** Vendor ids per contacts request: keeps the query string short. */
const CONTACT_BATCH = 50;

/**
 * "Subs on this project": the distinct vendors of the project's commitments (and, optionally, of
 * its directory), each with its commitments and (optionally) its contacts, one output item per vendor.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const commitments = await procoreApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/rest/v1.0/commitments',
		qs: { project_id: projectId },
		companyId,
		itemIndex: i,
	});
	const vendors = new Map<string, IDataObject>();
	for (const c of commitments) {
		const vendor = (c.vendor ?? {}) as IDataObject;
		const id = normalizeId(vendor.id);
		if (!id) continue;
		if (options.includeVoid !== true && ENDED.has(String(c.status ?? '').toLowerCase())) continue;
		if (!vendors.has(id)) {
			vendors.set(id, { vendor_id: vendor.id as IDataObject[string], vendor_name: vendor.name ?? null, project_id: projectId, commitments: [] });
		}
		(vendors.get(id)!.commitments as IDataObject[]).push(simplify(c, ['id', 'number', 'title', 'status', 'executed']));
	}
	if (options.includeDirectory === true) {
		// Procore's project directory lists the vendors added to the project (inactive ones are
		// listed apart, at …/vendors/inactive, and are not subs on the project any more).
		const directory = await procoreApiRequestAllItems.call(this, {
			method: 'GET',
			path: `/rest/v1.0/projects/${projectId}/vendors`,
			companyId,
			itemIndex: i,
		});
		const listed = new Set<string>();
		for (const v of directory) {
			const id = normalizeId(v.id);
			if (!id) continue;
			listed.add(id);
			if (!vendors.has(id)) {
				vendors.set(id, { vendor_id: v.id as IDataObject[string], vendor_name: v.name ?? null, project_id: projectId, commitments: [] });
			}
		}
		for (const [id, v] of vendors) v.in_directory = listed.has(id);
	}
	if (options.includeContacts !== false && vendors.size) {
		const ids = [...vendors.keys()];
		for (const v of vendors.values()) v.contacts = [];
		for (let start = 0; start < ids.length; start += CONTACT_BATCH) {
			const users = await procoreApiRequestAllItems.call(this, {
				method: 'GET',
				path: `/rest/v1.0/projects/${projectId}/users`,
				qs: { 'filters[vendor_id]': ids.slice(start, start + CONTACT_BATCH) },
				companyId,
				itemIndex: i,
			});
			for (const u of users) {
				const owner = vendors.get(normalizeId((u.vendor as IDataObject | undefined)?.id));
				if (owner) {
					(owner.contacts as IDataObject[]).push(
						simplify(u, ['id', 'name', 'first_name', 'last_name', 'email_address', 'job_title', 'business_phone', 'mobile_phone']),
					);
				}
			}
		}
	}
	return [...vendors.values()];
}

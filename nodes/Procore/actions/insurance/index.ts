import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as updateComplianceStatus from './updateComplianceStatus.operation';
import * as upsert from './upsert.operation';

export const insurance: ProcoreResource = {
	option: {
		name: 'Insurance',
		value: 'insurance',
		description: 'Vendors\' insurance (COI) records in the company or project directory, and their compliance status',
	},
	description: [
		operationSelector(
			'insurance',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create an insurance',
					description: 'Add an insurance record to a vendor in the company or a project directory. Needs the vendor (ID, exact name or origin ID) and the insurance type.',
				},
				{
					name: 'Create or Update',
					value: 'upsert',
					action: 'Create or update insurances',
					description: 'Create a new record, or update the current one if it already exists (upsert)',
				},
				{
					name: 'Delete',
					value: 'delete',
					action: 'Delete an insurance',
					description: 'Delete one insurance record. Needs the directory, the vendor for vendor directories, and the insurance ID.',
				},
				{
					name: 'Get',
					value: 'get',
					action: 'Get an insurance',
					description: 'Get one insurance record with its status, policy number and dates. Needs the insurance ID (see Get Many).',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many insurances',
					description: 'List insurance records of a directory or one vendor, filtered by vendor, status, policy number or expiring before a date (to chase renewals)',
				},
				{
					name: 'Update',
					value: 'update',
					action: 'Update an insurance',
					description: 'Change fields of one insurance record; only the fields given are sent and previous → new is reported',
				},
				{
					name: 'Update Compliance Status',
					value: 'updateComplianceStatus',
					action: 'Update vendor compliance status',
					description:
						'Write a COI platform\'s status for a vendor (compliant, expiring, non-compliant, pending, exempt, expired) to its insurance records and optionally its commitments in a project. Writes only what changed; a re-run writes nothing.',
				},
			],
			'updateComplianceStatus',
		),
		...create.description,
		...del.description,
		...get.description,
		...getAll.description,
		...update.description,
		...updateComplianceStatus.description,
		...upsert.description,
	],
	operations: { create, delete: del, get, getAll, update, updateComplianceStatus, upsert },
};

import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const complianceDocument: ProcoreResource = {
	option: {
		name: 'Compliance Document',
		value: 'complianceDocument',
		description: 'Documents with files (certificates, bonds, licences, W-9s) on a subcontract or purchase order',
	},
	description: [
		operationSelector(
			'complianceDocument',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create a compliance document',
					description:
						'Add a compliance document with its file(s) to a commitment, so the certificate opens from the project (Procore\'s insurance records take no files). Needs the project, the commitment and upload IDs.',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many compliance documents',
					description: 'List the compliance documents of a commitment with their status, expiry and file links',
				},
			],
			'create',
		),
		...create.description,
		...getAll.description,
	],
	operations: { create, getAll },
};

import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getCompliance from './getCompliance.operation';
import * as getProjectSubcontractors from './getProjectSubcontractors.operation';
import * as getSummary from './getSummary.operation';

export const commitment: ProcoreResource = {
	option: {
		name: 'Commitment',
		value: 'commitment',
		description: 'Subcontracts (work order contracts) and purchase orders, their vendors and compliance',
	},
	description: [
		operationSelector(
			'commitment',
			[
				{
					name: 'Get',
					value: 'get',
					action: 'Get a commitment',
					description: 'Get one subcontract or purchase order with its type, vendor, status and amounts. Needs the project and commitment IDs.',
				},
				{
					name: 'Get Compliance',
					value: 'getCompliance',
					action: "Get a commitment's compliance",
					description: 'Get the insurance and compliance status of a commitment, with its insurance and compliance documents and their file links',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many commitments',
					description: 'List a project\'s subcontracts and purchase orders, filtered by type, vendor ID, status, executed or last update',
				},
				{
					name: 'Get Project Subcontractors',
					value: 'getProjectSubcontractors',
					action: 'Get the subcontractors of a project',
					description: 'List the vendors with commitments in a project (one item per vendor) with their commitments and contacts: the subs to onboard in a COI platform',
				},
				{
					name: 'Get Summary',
					value: 'getSummary',
					action: 'Get a commitment summary',
					description: 'Get the change order, invoiced and paid totals of one commitment',
				},
			],
			'getProjectSubcontractors',
		),
		...get.description,
		...getAll.description,
		...getCompliance.description,
		...getProjectSubcontractors.description,
		...getSummary.description,
	],
	operations: { get, getAll, getCompliance, getProjectSubcontractors, getSummary },
};

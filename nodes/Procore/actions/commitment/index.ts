import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getCompliance from './getCompliance.operation';
import * as getProjectSubcontractors from './getProjectSubcontractors.operation';
import * as getSummary from './getSummary.operation';
import * as update from './update.operation';

export const commitment: ProcoreResource = {
	option: {
		name: 'Commitment',
		value: 'commitment',
		description: 'Subcontracts (work order contracts) and purchase orders: write them with their schedule of values, read their vendors, money and compliance',
	},
	description: [
		operationSelector(
			'commitment',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create a commitment',
					description:
						'Create a subcontract or purchase order with its schedule of values (line items on cost codes). A re-run with the same origin ID or number finds it and adds only missing lines.',
				},
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
					description: 'List the vendors with commitments in a project, optionally with the vendors in its directory (one item per vendor), with their commitments and contacts: the subs to onboard in a COI platform',
				},
				{
					name: 'Get Summary',
					value: 'getSummary',
					action: 'Get a commitment summary',
					description: 'Get the change order, invoiced and paid totals of one commitment',
				},
				{
					name: 'Update',
					value: 'update',
					action: 'Update a commitment',
					description:
						'Change fields of a subcontract or purchase order and add, change or replace its line items; only what differs is sent, with previous → new for each field and line',
				},
			],
			'getProjectSubcontractors',
		),
		...create.description,
		...get.description,
		...getAll.description,
		...getCompliance.description,
		...getProjectSubcontractors.description,
		...getSummary.description,
		...update.description,
	],
	operations: { create, get, getAll, getCompliance, getProjectSubcontractors, getSummary, update },
};

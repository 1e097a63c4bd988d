import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as addPerson from './addPerson.operation';
import * as addUser from './addUser.operation';
import * as addVendor from './addVendor.operation';
import * as getUsers from './getUsers.operation';

export const projectDirectory: ProcoreResource = {
	option: {
		name: 'Project Directory',
		value: 'projectDirectory',
		description: 'Who is on a project: its users with their permission templates, its people (workers without a login) and its companies',
	},
	description: [
		operationSelector(
			'projectDirectory',
			[
				{
					name: 'Add Person',
					value: 'addPerson',
					action: 'Add a person to a project directory',
					description: 'Add a worker without a Procore login to the project (needed before timecards can be kept for them); found by employee ID, origin ID or name on a re-run',
				},
				{ name: 'Add User', value: 'addUser', action: 'Add a user to a project directory', description: 'Add a company user to the project with a permission template (or change their template)' },
				{ name: 'Add Vendor', value: 'addVendor', action: 'Add a vendor to a project directory', description: 'Add a company from the company directory (a subcontractor or supplier) to the project' },
				{ name: 'Get Users', value: 'getUsers', action: 'Get users of a project directory', description: 'List the project\'s users with their company and permission template, by search, company, template or last update' },
			],
			'getUsers',
		),
		...addPerson.description,
		...addUser.description,
		...addVendor.description,
		...getUsers.description,
	],
	operations: { addPerson, addUser, addVendor, getUsers },
};

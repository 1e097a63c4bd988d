import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId, toProcoreId } from '../../helpers/context';
import { idList } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptions } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { pickFromList, projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';

export const PROJECT_PERSON_FIELDS = ['id', 'name', 'first_name', 'last_name', 'employee_id', 'is_employee', 'job_title', 'work_classification.name', 'origin_id', 'user_id'];

export const description: INodeProperties[] = forOperation('projectDirectory', 'addPerson', [
	projectLocator,
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', placeholder: 'e.g. Luis' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '', placeholder: 'e.g. Ortega' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Employee', name: 'isEmployee', type: 'boolean', default: true, description: 'Whether the person is an employee of your company (timecards are kept for employees)' },
			{ displayName: 'Employee ID', name: 'employeeId', type: 'string', default: '', description: 'The ID in your payroll or workforce app; Add Person finds an existing person by it' },
			{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
			{ displayName: 'Origin ID', name: 'originId', type: 'string', default: '', description: 'The person\'s ID in another system; Add Person finds an existing person by it' },
			pickFromList('workClassificationId', 'Work Classification', 'searchWorkClassifications', 'The trade or pay class (e.g. Journeyman Carpenter)'),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Even If the Name Exists',
				name: 'allowDuplicateName',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a second person with the same name when no Employee ID or Origin ID tells them apart. Off: the existing person is returned, so re-runs never duplicate.',
			},
			...writeOptions,
		],
	},
]);

const same = (a: unknown, b: unknown) => String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

/**
 * Adds a person without a Procore login (a worker) to the project's directory, so timecards can be
 * kept for them: what Create From Clock-Out's "worker is not in the project directory" asks for.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const person: IDataObject = {
		last_name: String(this.getNodeParameter('lastName', i)).trim(),
		is_employee: f.isEmployee !== false,
	};
	const firstName = String(this.getNodeParameter('firstName', i, '') ?? '').trim();
	if (firstName) person.first_name = firstName;
	if (f.employeeId) person.employee_id = String(f.employeeId).trim();
	if (f.originId) person.origin_id = String(f.originId).trim();
	if (f.jobTitle) person.job_title = f.jobTitle;
	if (normalizeId(f.workClassificationId)) person.work_classification_id = toProcoreId(idList(this, f.workClassificationId, 'Work Classification', i)[0]);
	const name = [firstName, person.last_name].filter(Boolean).join(' ');
	const path = `/rest/v1.0/projects/${projectId}/people`;
	const people = await procoreApiRequestAllItems.call(this, { method: 'GET', path, qs: { 'filters[search]': person.last_name }, companyId, itemIndex: i });
	const existing = people.find((p) =>
		person.employee_id
			? same(p.employee_id, person.employee_id)
			: person.origin_id
				? same(p.origin_id, person.origin_id)
				: !options.allowDuplicateName && same(p.name ?? [p.first_name, p.last_name].filter(Boolean).join(' '), name),
	);
	if (existing) {
		return { ...existing, summary: `${String(existing.name ?? name)} is already in project ${projectId}'s directory (person ${String(existing.id)}); nothing written`, skipped: true };
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: 'create',
		recordLabel: 'Project Person',
		request: { method: 'POST', path, body: { person }, companyId },
		wrapperKey: 'person',
		auditField: null,
		summarize: (record, _c, preview) =>
			`${preview ? 'Would add' : 'Added'} ${name}${record.id !== undefined ? ` (person ${String(record.id)})` : ''} to project ${projectId}'s directory`,
	});
}

export const output: OutputSpec = { fields: PROJECT_PERSON_FIELDS };

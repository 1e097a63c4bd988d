import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getCompanyId, getProjectId, getRecordId, toProcoreId } from '../../helpers/context';
import type { OutputSpec } from '../../helpers/output';
import { procoreWrite, writeOptionsCollection } from '../../helpers/write';
import { projectLocator, recordLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { PROJECT_USER_FIELDS } from './getUsers.operation';
import { directoryEntry } from './present';

export const permissionTemplateLocator = recordLocator({
	name: 'permissionTemplate',
	displayName: 'Permission Template',
	searchListMethod: 'searchPermissionTemplates',
	urlPattern: 'permission_templates/([0-9]+)',
	description: 'What the user may do in the project\'s tools (the project\'s assignable permission templates)',
});

export const description: INodeProperties[] = forOperation('projectDirectory', 'addUser', [
	projectLocator,
	recordLocator({
		name: 'user',
		displayName: 'User',
		searchListMethod: 'searchCompanyUsers',
		urlPattern: 'users/([0-9]+)',
		description: 'Someone in the company directory with a Procore login (add new people to the company directory first)',
	}),
	permissionTemplateLocator,
	writeOptionsCollection,
]);

const templateOf = (user: IDataObject) => String((user.permission_template as IDataObject | undefined)?.id ?? user.permission_template_id ?? '');

/**
 * Adds a company user to the project's directory with a permission template (Procore's "Add
 * company user to project"). A user already there with that template is returned as it is.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const userId = getRecordId(this, 'user', 'User', i);
	const templateId = getRecordId(this, 'permissionTemplate', 'Permission Template', i);
	const current = await directoryEntry(this, i, `/rest/v1.0/projects/${projectId}/users/${userId}`, companyId);
	if (current && templateOf(current) === templateId) {
		return { ...current, summary: `User ${userId} "${String(current.name ?? '')}" is already in project ${projectId}'s directory with that permission template; nothing written`, skipped: true };
	}
	return await procoreWrite.call(this, {
		itemIndex: i,
		action: current ? 'update' : 'create',
		recordLabel: 'Project User',
		request: {
			method: 'POST',
			path: `/rest/v1.0/projects/${projectId}/users/${userId}/actions/add`,
			body: { user: { permission_template_id: toProcoreId(templateId) } },
			companyId,
		},
		wrapperKey: 'user',
		auditField: null,
		previous: current ? { ...current, permission_template_id: templateOf(current) || undefined } : undefined,
		summarize: (record, _c, preview) =>
			`${preview ? 'Would add' : 'Added'} user ${userId}${record.name ? ` "${String(record.name)}"` : ''} to project ${projectId}'s directory with permission template ${templateId}${current ? ' (was in the directory with another template)' : ''}`,
	});
}

export const output: OutputSpec = { fields: PROJECT_USER_FIELDS };

import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId } from '../helpers/context';
import { procoreApiRequest } from '../transport';
import { byName } from './rows';

/** The lines of the chosen Change Event (Create From Change Event › Chosen Lines). */
export async function getChangeEventLines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const projectId = getProjectId(this);
	const id = normalizeId(this.getCurrentNodeParameter('changeEventId'));
	if (!/^\d+$/.test(id)) return [];
	const ce: IDataObject = await procoreApiRequest.call(this, {
		method: 'GET',
		path: `/rest/v1.0/change_events/${id}`,
		qs: { project_id: projectId },
		companyId: await getCompanyId(this),
	});
	const lines = (ce.change_event_line_items ?? []) as IDataObject[];
	return lines
		.map((l) => ({
			name: `${String(l.description || 'Line')}: ${String(l.estimated_cost_amount ?? l.rom ?? '0')}`,
			value: String(l.id),
		}))
		.sort(byName);
}

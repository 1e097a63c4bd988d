import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getProjectId } from '../helpers/context';
import { matching, projectRows } from './rows';

/** The project's drawing sets, in Procore's order (oldest issue first). */
export async function searchDrawingSets(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rows = await projectRows(this, `/rest/v1.0/projects/${getProjectId(this)}/drawing_sets`);
	return {
		results: rows
			.map((s) => ({ name: `${String(s.name ?? s.id)}${s.date ? ` (${String(s.date)})` : ''}`, value: String(s.id) }))
			.filter(matching(filter)),
	};
}

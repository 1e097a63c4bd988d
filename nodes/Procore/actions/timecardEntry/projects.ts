import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { procoreApiRequest } from '../../transport';

/**
 * The project records a bulk timecard run needs (active flag for the checks, `tz_name` for the
 * work date), read once per project per execution however many items name the project.
 */
export class ProjectRecords {
	private readonly records = new Map<string, Promise<IDataObject>>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly companyId: string,
	) {}

	async get(projectId: string, itemIndex: number): Promise<IDataObject> {
		let pending = this.records.get(projectId);
		if (!pending) {
			pending = procoreApiRequest.call(this.ctx, {
				method: 'GET',
				path: `/rest/v1.0/projects/${projectId}`,
				qs: { company_id: this.companyId },
				companyId: this.companyId,
				itemIndex,
			}) as Promise<IDataObject>;
			this.records.set(projectId, pending);
		}
		return await pending;
	}
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CostCodeLike, MilestoneRef } from '../../helpers/milestone';
import { validateMilestone } from '../../helpers/milestone';
import { procoreApiRequestAllItems } from '../../transport';
import { explainTimecardError } from './errors';
import type { ProjectRecords } from './projects';

/**
 * The checks Procore would otherwise fail a whole bulk transaction on, done with reads before any
 * write: the project is active (and switched on for the sync), the worker is in the project's
 * directory, the cost code has that category. One read of each per project per run.
 */
export class Preflight {
	private people = new Map<string, Promise<Map<string, IDataObject>>>();
	private costCodes = new Map<string, Promise<CostCodeLike[]>>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly companyId: string,
		private readonly projects: ProjectRecords,
		private readonly syncedProjectIds: string[] = [],
	) {}

	private fail(message: string, description: string, itemIndex: number): never {
		throw new NodeOperationError(this.ctx.getNode(), message, { description, itemIndex });
	}

	async project(projectId: string, itemIndex: number): Promise<IDataObject> {
		if (this.syncedProjectIds.length && !this.syncedProjectIds.includes(projectId)) {
			this.fail(
				`Project ${projectId} is not switched on for the sync`,
				`Only projects ${this.syncedProjectIds.join(', ')} are synced ("Synced Project IDs"). Switch the project on in the sync settings, or have the worker pick a synced project.`,
				itemIndex,
			);
		}
		const project = await this.projects.get(projectId, itemIndex);
		if (project.active === false) {
			this.fail(
				`Project "${String(project.display_name ?? project.name ?? projectId)}" is inactive in Procore`,
				'Procore does not take time on inactive projects. Reactivate it in Procore (Project Admin > Active), or switch it off in the sync so workers cannot clock in to it.',
				itemIndex,
			);
		}
		return project;
	}

	private async directory(projectId: string, itemIndex: number): Promise<Map<string, IDataObject>> {
		let pending = this.people.get(projectId);
		if (!pending) {
			pending = procoreApiRequestAllItems
				.call(this.ctx, {
					method: 'GET',
					path: `/rest/v1.0/projects/${projectId}/people`,
					companyId: this.companyId,
					itemIndex,
				})
				.then((rows) => new Map(rows.map((p) => [String(p.id), p] as const)));
			this.people.set(projectId, pending);
		}
		return await pending;
	}

	/** The worker's directory record (for the name in summaries), or a clear error. */
	async worker(projectId: string, partyId: string, itemIndex: number): Promise<IDataObject> {
		const person = (await this.directory(projectId, itemIndex)).get(partyId);
		if (!person) {
			this.fail(
				`Worker ${partyId} is not in the directory of project ${projectId}`,
				'Procore only takes time for people in the project\'s directory. Add the worker with this node\'s Project Directory › Add Person (employee, with their employee ID), or in Procore (Project > Directory > Add Person); or pick a worker from the project\'s people (Person › Get Many).',
				itemIndex,
			);
		}
		return person;
	}

	async milestone(projectId: string, ref: MilestoneRef, itemIndex: number): Promise<string | undefined> {
		if (ref.kind === 'wbs') return undefined;
		let pending = this.costCodes.get(projectId);
		if (!pending) {
			pending = procoreApiRequestAllItems.call(this.ctx, {
				method: 'GET',
				path: '/rest/v1.0/cost_codes',
				qs: { project_id: projectId },
				companyId: this.companyId,
				itemIndex,
			}) as Promise<CostCodeLike[]>;
			this.costCodes.set(projectId, pending);
		}
		const check = validateMilestone(ref, await pending);
		if (!check.ok) {
			this.fail(
				check.message,
				check.reason === 'category_not_on_cost_code'
					? 'Add the category to the cost code in the project\'s budget setup, or pick a milestone from "Milestone: Get Many", which lists only the cost code + category pairs that exist.'
					: 'Pick a cost code of this project (Resource "Cost Code" or "Milestone", Get Many), or add it to the project in Procore.',
				itemIndex,
			);
		}
		return check.name;
	}
}

export function personName(person: IDataObject | undefined, partyId: string): string {
	if (!person) return `worker ${partyId}`;
	const full = person.name ?? [person.first_name, person.last_name].filter(Boolean).join(' ');
	return String(full || `worker ${partyId}`);
}

/** Reads can fail on the same 403 as the write (tool disabled); say so in the same words. */
export async function explained<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (error) {
		throw explainTimecardError(error as Error);
	}
}

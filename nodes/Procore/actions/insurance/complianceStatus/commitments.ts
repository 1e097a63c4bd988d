import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getProjectId, normalizeId } from '../../../helpers/context';
import { procoreWrite } from '../../../helpers/write';
import { procoreApiRequest, procoreApiRequestAllItems } from '../../../transport';
import type { CommitmentType } from '../../commitment/common';
import { commitmentName, commitmentType, compliancePath, getCommitment } from '../../commitment/common';
import type { ResolvedVendor } from '../../vendor/resolve';
import type { Outcome } from './compare';
import { changedFields, statusPhrase } from './compare';
import type { Desired } from './input';

/** The chosen commitment (checked to be the vendor's), or every commitment of the vendor in the project. */
async function vendorCommitments(ctx: IExecuteFunctions, i: number, companyId: string, projectId: string, vendor: ResolvedVendor): Promise<IDataObject[]> {
	const chosen = normalizeId(ctx.getNodeParameter('commitment', i, '', { extractValue: true }));
	if (!chosen) {
		const all = await procoreApiRequestAllItems.call(ctx, { method: 'GET', path: '/rest/v1.0/commitments', qs: { project_id: projectId }, companyId, itemIndex: i });
		return all.filter((c) => normalizeId((c.vendor as IDataObject | undefined)?.id) === vendor.id);
	}
	if (!/^\d{1,20}$/.test(chosen)) {
		throw new NodeOperationError(ctx.getNode(), `Commitment "${chosen}" is not a Procore ID`, {
			description: 'Choose the commitment from the list, enter its ID, or leave it empty for all of the vendor\'s commitments.',
			itemIndex: i,
		});
	}
	const record = await getCommitment(ctx, i, companyId, projectId, chosen);
	const owner = normalizeId((record.vendor as IDataObject | undefined)?.id);
	if (owner && owner !== vendor.id) {
		throw new NodeOperationError(ctx.getNode(), `Commitment ${chosen} belongs to another vendor (${String((record.vendor as IDataObject).name ?? owner)})`, {
			description: `It is not a commitment of ${vendor.name ?? `vendor ${vendor.id}`}; choose one of this vendor's commitments or leave Commitment empty.`,
			itemIndex: i,
		});
	}
	return [record];
}

/** Writes the status on the vendor's commitments in the project, only where it differs. */
export async function writeCommitments(ctx: IExecuteFunctions, i: number, companyId: string, vendor: ResolvedVendor, desired: Desired): Promise<Outcome[]> {
	const projectId = getProjectId(ctx, i);
	const commitments = await vendorCommitments(ctx, i, companyId, projectId, vendor);
	const field = String((ctx.getNodeParameter('options', i, {}) as IDataObject).commitmentField ?? 'insurance');
	const prefixes = field === 'both' ? ['insurance', 'compliance'] : [field];
	const wanted: IDataObject = {};
	for (const prefix of prefixes) {
		wanted[`${prefix}_status`] = desired.status.commitmentStatus;
		if (desired.notes !== undefined) wanted[`${prefix}_notes`] = desired.notes;
	}
	const outcomes: Outcome[] = [];
	for (const commitment of commitments) {
		const id = String(commitment.id);
		const type: CommitmentType = await commitmentType(ctx, i, companyId, projectId, id, 'auto', commitment.type ? commitment : undefined);
		const path = compliancePath(projectId, type, id);
		const previous = await procoreApiRequest.call(ctx, { method: 'GET', path, companyId, itemIndex: i });
		const changes = changedFields(previous, wanted);
		const name = commitmentName(commitment, type);
		const phrase = prefixes.map((p) => `${p} status ${statusPhrase(previous, wanted, `${p}_status`)}`).join(', ');
		if (!Object.keys(changes).length) {
			outcomes.push({ sentence: `${name}: already ${phrase}`, changed: false, preview: false, detail: { record: 'commitment', action: 'none', id: commitment.id, type } });
			continue;
		}
		const result = await procoreWrite.call(ctx, {
			itemIndex: i,
			action: 'update',
			recordLabel: 'Commitment compliance',
			request: { method: 'PATCH', path, body: changes, companyId },
			auditField: null,
			previous,
			summarize: (_r, _c, preview) => `${preview ? 'Would set ' : ''}${name}: ${phrase}`,
		});
		outcomes.push({
			sentence: String(result.summary),
			changed: true,
			preview: result.preview === true,
			detail: { record: 'commitment', action: 'update', id: commitment.id, type, changes: (result.changes as IDataObject[] | undefined) ?? [] },
		});
	}
	if (!commitments.length) {
		outcomes.push({
			sentence: `${vendor.name ?? `Vendor ${vendor.id}`} has no commitment in project ${projectId}`,
			changed: false,
			preview: false,
			detail: { record: 'commitment', action: 'none', id: null },
		});
	}
	return outcomes;
}

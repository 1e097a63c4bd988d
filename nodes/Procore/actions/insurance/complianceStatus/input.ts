import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeId } from '../../../helpers/context';
import { isoDay } from '../../../helpers/filters';
import type { PlatformStatus, StatusMapping } from '../statusMap';
import { STATUS_MAP, platformStatusFrom } from '../statusMap';
import type { WriteTarget } from './description';
import { PROJECT_TARGETS } from './description';

/** What one item asks for: the status in Procore's words, the insurance fields, and where to write. */
export interface Desired {
	status: StatusMapping;
	/** The insurance record's fields to hold (status, exempt, and expiration date and notes when given). */
	insurance: IDataObject;
	notes?: string;
	targets: WriteTarget[];
}

const TARGETS: WriteTarget[] = ['commitments', 'companyInsurance', 'projectInsurance'];

function readTargets(ctx: IExecuteFunctions, i: number): WriteTarget[] {
	const raw = ctx.getNodeParameter('writeTo', i, ['companyInsurance']) as unknown;
	const list = (Array.isArray(raw) ? raw : String(raw ?? '').split(',')).map((t) => String(t).trim()).filter(Boolean);
	const unknown = list.filter((t) => !TARGETS.includes(t as WriteTarget));
	if (unknown.length || !list.length) {
		throw new NodeOperationError(ctx.getNode(), list.length ? `Write Status To "${unknown.join(', ')}" is not a known target` : 'Write Status To is empty', {
			description: 'Choose at least one of Company Directory Insurance, Project Directory Insurance and Commitments in the Project.',
			itemIndex: i,
		});
	}
	const targets = [...new Set(list)] as WriteTarget[];
	// Checked before anything is written, so no target is updated while another cannot be.
	if (targets.includes('companyInsurance') && targets.includes('projectInsurance') && ctx.getNodeParameter('insuranceMatch', i, 'originId') === 'insuranceId') {
		throw new NodeOperationError(ctx.getNode(), 'One insurance record cannot be in both directories', {
			description: 'Choose Company Directory Insurance or Project Directory Insurance in "Write Status To", or match the insurance by origin ID or policy number.',
			itemIndex: i,
		});
	}
	if (targets.some((t) => PROJECT_TARGETS.includes(t)) && !normalizeId(ctx.getNodeParameter('project', i, '', { extractValue: true }))) {
		throw new NodeOperationError(ctx.getNode(), 'Project is required for project directory insurance and commitments', {
			description: 'Choose the Project whose directory or subcontracts and purchase orders should show the status, or write to Company Directory Insurance only.',
			itemIndex: i,
		});
	}
	return targets;
}

/** Reads and checks one item's input; nothing is read from Procore here. */
export function readDesired(ctx: IExecuteFunctions, i: number): Desired {
	const raw = ctx.getNodeParameter('complianceStatus', i);
	const key = platformStatusFrom(raw) ?? (raw as PlatformStatus);
	const status = STATUS_MAP[key];
	if (!status) {
		throw new NodeOperationError(ctx.getNode(), `Compliance Status "${String(raw)}" is not one Procore can be given`, {
			description: `Use one of: ${Object.values(STATUS_MAP).map((s) => s.label).join(', ')} (the words of your COI platform are translated to Procore's).`,
			itemIndex: i,
		});
	}
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const notesText = String(fields.notes ?? '').trim();
	const link = String(fields.certificateUrl ?? '').trim();
	if (link && !/^https?:\/\//i.test(link)) {
		throw new NodeOperationError(ctx.getNode(), `Certificate Link "${link}" is not a web address`, {
			description: 'Enter the full link starting with https://, or leave it empty.',
			itemIndex: i,
		});
	}
	const notes = [notesText, link ? `Certificate: ${link}` : ''].filter(Boolean).join('\n') || undefined;
	const insurance: IDataObject = { status: status.insuranceStatus, exempt: status.exempt };
	if (fields.expirationDate) insurance.expiration_date = isoDay(ctx, fields.expirationDate, 'Expiration Date', i);
	if (notes !== undefined) insurance.notes = notes;
	return { status, insurance, notes, targets: readTargets(ctx, i) };
}

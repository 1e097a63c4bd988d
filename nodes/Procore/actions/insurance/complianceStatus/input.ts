import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeId } from '../../../helpers/context';
import type { StatusMapping } from '../statusMap';
import { readCallbackFields } from './callbackInput';
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
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const { status, expirationDate, certificateUrl } = readCallbackFields(ctx, i, fields);
	const notesText = String(fields.notes ?? '').trim();
	const notes = [notesText, certificateUrl ? `Certificate: ${certificateUrl}` : ''].filter(Boolean).join('\n') || undefined;
	const insurance: IDataObject = { status: status.insuranceStatus, exempt: status.exempt };
	if (expirationDate) insurance.expiration_date = expirationDate;
	if (notes !== undefined) insurance.notes = notes;
	return { status, insurance, notes, targets: readTargets(ctx, i) };
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { PlatformStatus, StatusMapping } from '../statusMap';
import { STATUS_MAP, platformStatusFrom } from '../statusMap';

/**
 * The fields a COI platform's callback fills (status, certificate ID, expiration date, certificate
 * link), checked with one schema so a bad callback is refused with every problem named at once,
 * before anything is read or written (the pattern of changeEvent/corInput.ts).
 */
export interface CallbackFields {
	status: StatusMapping;
	expirationDate?: string;
	certificateUrl?: string;
}

const STATUS_WORDS = Object.values(STATUS_MAP)
	.map((s) => s.label)
	.join(', ');

const day = z
	.string()
	.trim()
	.refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
		message: 'is not a date: send it as YYYY-MM-DD (e.g. 2027-03-31)',
	});

const schema = z.object({
	complianceStatus: z.unknown().transform((raw, ctx) => {
		const key = platformStatusFrom(raw) ?? (raw as PlatformStatus);
		const status = STATUS_MAP[key];
		if (!status) {
			ctx.addIssue({ code: 'custom', message: `"${String(raw)}" is not one Procore can be given: use one of ${STATUS_WORDS} (the words of your COI platform are translated to Procore's)` });
			return z.NEVER;
		}
		return status;
	}),
	expirationDate: z.union([z.literal(''), z.undefined(), day, z.date().transform((d) => d.toISOString().slice(0, 10))]),
	certificateUrl: z.union([
		z.literal(''),
		z.undefined(),
		z
			.string()
			.trim()
			.url({ message: 'is not a web address: send the full link starting with https://, or leave it empty' })
			.refine((link) => /^https?:\/\//i.test(link), { message: 'is not a web address: send the full link starting with https://, or leave it empty' }),
	]),
});

const LABELS: Record<string, string> = {
	complianceStatus: 'Compliance Status',
	expirationDate: 'Expiration Date',
	certificateUrl: 'Certificate Link',
};

/** Reads and checks the callback's fields of one item; every problem is named in one error. */
export function readCallbackFields(ctx: IExecuteFunctions, i: number, fields: IDataObject): CallbackFields {
	const raw = {
		complianceStatus: ctx.getNodeParameter('complianceStatus', i),
		expirationDate: typeof fields.expirationDate === 'string' ? fields.expirationDate.trim().slice(0, 10) : fields.expirationDate,
		certificateUrl: fields.certificateUrl === undefined ? undefined : String(fields.certificateUrl).trim(),
	};
	const parsed = schema.safeParse(raw);
	if (parsed.success) {
		const { complianceStatus, expirationDate, certificateUrl } = parsed.data;
		return { status: complianceStatus, expirationDate: expirationDate || undefined, certificateUrl: certificateUrl || undefined };
	}
	const problems = parsed.error.issues.map((issue) => {
		const field = String(issue.path[0] ?? '');
		const given = (raw as Record<string, unknown>)[field];
		const shown = field === 'complianceStatus' ? '' : ` "${String(given)}"`;
		// A union reports its last branch's message; the field's own refinements say what to send.
		const message = issue.code === 'invalid_union' ? (field === 'certificateUrl' ? 'is not a web address: send the full link starting with https://, or leave it empty' : 'is not a date: send it as YYYY-MM-DD (e.g. 2027-03-31)') : issue.message;
		return `${LABELS[field] ?? field}${shown} ${message}`;
	});
	const unique = [...new Set(problems)];
	throw new NodeOperationError(ctx.getNode(), unique.length === 1 ? unique[0] : `${unique.length} problems in the COI platform's fields: ${unique.join('; ')}`, {
		description: 'Nothing was read or written. Fix the fields in the COI platform (or the expressions that map its callback) and send it again.',
		itemIndex: i,
	});
}

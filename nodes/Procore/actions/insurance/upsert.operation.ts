import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, toProcoreId } from '../../helpers/context';
import type { SyncInput } from '../../helpers/sync';
import { procoreSync } from '../../helpers/sync';
import { auditTagFor, formatAuditTag, writeOptionsCollection } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { forOperation } from '../operationSelector';
import { asNodeError, errorItem, markFailed } from '../../helpers/errorItem';
import type { VendorCache } from '../vendor/resolve';
import { INSURANCE_FIELDS, insuranceFieldOptions, insuranceFieldsToBody, insuranceName } from './fields';
import type { InsuranceTarget } from './scope';
import { insuranceTarget, needsVendorIdInBody, scopeParameters } from './scope';
import type { OutputSpec } from '../../helpers/output';

export const description: INodeProperties[] = forOperation('insurance', 'upsert', [
	{
		displayName:
			'Each input item becomes one insurance. All items go through Procore\'s sync, 1,000 per call; each item that Procore refuses comes back with Procore\'s reason (turn on Continue On Fail to keep the others flowing).',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	...scopeParameters(true, 'The vendor the insurance belongs to (per item). Pick it, enter its ID, its exact name, or its origin ID.'),
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{
				name: 'Origin ID',
				value: 'originId',
				description: 'The certificate\'s ID in your COI platform (Procore matches it itself; unique across the company)',
			},
			{
				name: 'Policy Number',
				value: 'policyNumber',
				description: 'The policy number: an existing insurance with it (in the chosen directory) is updated, otherwise one is created',
			},
		],
		default: 'originId',
		description: 'How an input item finds the insurance it updates; items that match nothing are created',
	},
	{
		displayName: 'Origin ID',
		name: 'originId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. coi-2026-0042',
		displayOptions: { show: { matchBy: ['originId'] } },
	},
	{
		displayName: 'Policy Number',
		name: 'policyNumber',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { matchBy: ['policyNumber'] } },
	},
	{
		displayName: 'Fields',
		name: 'insuranceFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: insuranceFieldOptions,
	},
	writeOptionsCollection,
]);

interface Group {
	target: InsuranceTarget;
	syncPath: string;
	byPolicy: boolean;
	inputs: SyncInput[];
}

function syncPathFor(target: InsuranceTarget): string {
	return `${target.basePath}/sync`;
}

function policyKey(value: unknown): string {
	return String(value ?? '').trim().toLowerCase();
}

function summaryOf(record: IDataObject, vendorLabel: string, preview: boolean): string {
	const state = [record.status, record.expiration_date ? `expires ${String(record.expiration_date)}` : undefined]
		.filter(Boolean)
		.join(', ');
	const verb = preview ? 'Would create or update' : record.id !== undefined ? 'Synced' : 'Sent';
	return `${verb} ${insuranceName(record)} for ${vendorLabel}${state ? ` (${state})` : ''}`;
}

/**
 * Many insurances in ceil(N / 1000) calls of Procore's sync action. Each input item becomes one
 * record; results (and Procore's per-record refusals) come back paired to the item that sent them.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const out: Array<INodeExecutionData | undefined> = new Array(items.length);
	const failures: Array<{ itemIndex: number; message: string }> = [];
	const groups = new Map<string, Group>();
	const vendorCache: VendorCache = new Map();
	const vendorLabel = new Map<number, string>();
	const tag = formatAuditTag(auditTagFor(this));
	const fail = (itemIndex: number, error: Error) => {
		if (!this.continueOnFail()) throw asNodeError(this, error, itemIndex);
		out[itemIndex] = errorItem(this, error, itemIndex);
	};

	for (let i = 0; i < items.length; i++) {
		try {
			const companyId = await getCompanyId(this, i);
			const target = await insuranceTarget(this, i, companyId, true, vendorCache);
			const matchBy = this.getNodeParameter('matchBy', i, 'originId') as 'originId' | 'policyNumber';
			const key = String(this.getNodeParameter(matchBy, i, '') ?? '').trim();
			const label = matchBy === 'originId' ? 'Origin ID' : 'Policy Number';
			if (!key) {
				throw new NodeOperationError(this.getNode(), `${label} is required`, {
					description: `Every item needs a ${label} to match its insurance in Procore; map it from the COI platform's data (item ${i}).`,
					itemIndex: i,
				});
			}
			const fields = this.getNodeParameter('insuranceFields', i, {}) as IDataObject;
			const record = insuranceFieldsToBody(this, { ...fields, [matchBy]: key }, i);
			if (needsVendorIdInBody(target.scope)) record.vendor_id = toProcoreId(target.vendor!.id);
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			if (options.auditTag !== false && !record.origin_data) record.origin_data = tag;
			vendorLabel.set(i, target.vendor?.name ?? `vendor ${target.vendor?.id}`);
			if (options.previewOnly === true) {
				out[i] = {
					json: {
						preview: true,
						summary: summaryOf(record, vendorLabel.get(i)!, true),
						request: { method: 'PATCH', path: syncPathFor(target), body: { updates: [record] } },
						...(record.origin_data === tag ? { audit_tag: tag } : {}),
					},
					pairedItem: { item: i },
				};
				continue;
			}
			const syncPath = syncPathFor(target);
			const groupKey = `${companyId}|${syncPath}|${matchBy}`;
			if (!groups.has(groupKey)) groups.set(groupKey, { target, syncPath, byPolicy: matchBy === 'policyNumber', inputs: [] });
			groups.get(groupKey)!.inputs.push({ itemIndex: i, record });
		} catch (error) {
			fail(i, error as Error);
		}
	}

	for (const group of groups.values()) {
		const { companyId } = group.target;
		let inputs = group.inputs;
		if (group.byPolicy) {
			// Procore's sync matches only id and origin_id, so a policy number is turned into an id here.
			const existing = await procoreApiRequestAllItems.call(this, {
				method: 'GET',
				path: group.target.basePath,
				companyId,
				itemIndex: inputs[0].itemIndex,
			});
			const byPolicy = new Map<string, IDataObject[]>();
			for (const r of existing) {
				const k = policyKey(r.policy_number);
				if (k) byPolicy.set(k, [...(byPolicy.get(k) ?? []), r]);
			}
			inputs = inputs.filter((input) => {
				const matches = byPolicy.get(policyKey(input.record.policy_number)) ?? [];
				if (matches.length > 1) {
					// Reported with the sync refusals, so a failing run still says what the other items did.
					const message = `${matches.length} insurances have policy number "${String(input.record.policy_number)}" (IDs ${matches.map((m) => String(m.id)).join(', ')}); match by Origin ID instead, or remove the duplicate in Procore`;
					failures.push({ itemIndex: input.itemIndex, message });
					if (this.continueOnFail()) out[input.itemIndex] = markFailed({ json: { error: message, record: input.record }, pairedItem: { item: input.itemIndex } });
					return false;
				}
				if (matches.length === 1) {
					input.record.id = toProcoreId(String(matches[0].id));
					// Matching ignores case and spaces; Procore keeps its own spelling of the number.
					input.record.policy_number = matches[0].policy_number;
				}
				return true;
			});
		}
		if (!inputs.length) continue;
		const results = await procoreSync.call(this, {
			path: group.syncPath,
			companyId,
			inputs,
			matchKeys: ['id', 'origin_id', 'policy_number'],
		});
		for (const result of results) {
			const i = result.itemIndex;
			if (result.error !== undefined) {
				const sent = inputs.find((input) => input.itemIndex === i)?.record ?? {};
				const message = `Procore refused ${insuranceName(sent)} for ${vendorLabel.get(i)}: ${result.error}`;
				failures.push({ itemIndex: i, message });
				if (this.continueOnFail()) {
					out[i] = markFailed({ json: { error: message, record: sent }, pairedItem: { item: i } });
				}
				continue;
			}
			const entity = result.entity!;
			out[i] = {
				json: {
					...entity,
					summary: summaryOf(entity, vendorLabel.get(i)!, false),
					...(entity.origin_data === tag ? { audit_tag: tag } : {}),
				},
				pairedItem: { item: i },
			};
		}
	}

	if (failures.length && !this.continueOnFail()) {
		failures.sort((a, b) => a.itemIndex - b.itemIndex);
		const written = out.filter(Boolean).length;
		const first = failures[0];
		throw new NodeOperationError(
			this.getNode(),
			`${failures.length} of ${items.length} insurances were not written (item ${first.itemIndex}: ${first.message})`,
			{
				description: `${written} other item(s) were written and are safe to re-run. Turn on "Continue On Fail" (Settings) to get one output per item with each refusal: ${failures
					.slice(0, 5)
					.map((f) => `item ${f.itemIndex}: ${f.message}`)
					.join(' | ')}`,
				itemIndex: first.itemIndex,
			},
		);
	}
	return out.filter((o): o is INodeExecutionData => o !== undefined);
}

export const output: OutputSpec = { fields: INSURANCE_FIELDS };

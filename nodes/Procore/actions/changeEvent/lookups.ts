import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { procoreApiRequestAllItems } from '../../transport';
import type { Ref } from './corInput';

export interface Scope {
	companyId: string;
	projectId: string;
}

/**
 * The project's lists a COR is matched against. Each is read once per node run (a workflow pushing
 * 20 CORs to one project reads the cost codes once) and only when a line needs it.
 */
const LISTS = {
	costCodes: (s: Scope) => ({ path: '/rest/v1.0/cost_codes', qs: { project_id: s.projectId } }),
	lineItemTypes: (s: Scope) => ({ path: '/rest/v1.0/line_item_types', qs: { company_id: s.companyId, project_id: s.projectId } }),
	wbsCodes: (s: Scope) => ({ path: `/rest/v1.0/projects/${s.projectId}/work_breakdown_structure/wbs_codes`, qs: {} }),
	commitments: (s: Scope) => ({ path: '/rest/v1.0/commitments', qs: { project_id: s.projectId } }),
	primeContracts: (s: Scope) => ({ path: '/rest/v1.0/prime_contracts', qs: { project_id: s.projectId } }),
	vendors: (s: Scope) => ({ path: `/rest/v1.0/projects/${s.projectId}/vendors`, qs: {} }),
	statuses: (s: Scope) => ({ path: '/rest/v1.0/change_event/statuses', qs: { project_id: s.projectId } }),
	reasons: (s: Scope) => ({ path: '/rest/v1.0/change_order_change_reasons', qs: { company_id: s.companyId } }),
	changeTypes: (s: Scope) => ({ path: '/rest/v1.0/change_types', qs: { company_id: s.companyId } }),
};

export type ListName = keyof typeof LISTS;

const cache = new WeakMap<object, Map<string, Promise<IDataObject[]>>>();

export async function projectList(ctx: IExecuteFunctions, list: ListName, scope: Scope, i: number): Promise<IDataObject[]> {
	let lists = cache.get(ctx);
	if (!lists) {
		lists = new Map();
		cache.set(ctx, lists);
	}
	const key = `${list}:${scope.companyId}:${scope.projectId}`;
	let pending = lists.get(key);
	if (!pending) {
		const { path, qs } = LISTS[list](scope);
		pending = procoreApiRequestAllItems.call(ctx, { method: 'GET', path, qs, companyId: scope.companyId, itemIndex: i });
		lists.set(key, pending);
		// A failed read is not remembered: the next item may succeed.
		pending.catch(() => lists.delete(key));
	}
	return await pending;
}

/** How one kind of record is named by people: its labels, and how to show it in a suggestion. */
export interface Kind {
	/** e.g. "cost code" (used in messages). */
	label: string;
	list: ListName;
	labels: (r: IDataObject) => unknown[];
	display: (r: IDataObject) => string;
	/** Where the user finds the right value. */
	hint: string;
}

const SYNONYMS: Record<string, string> = {
	labour: 'labor',
	materials: 'material',
	equip: 'equipment',
	sub: 'subcontract',
	subcontractor: 'subcontract',
	subcontracts: 'subcontract',
	commitment: 'subcontract',
	mu: 'markup',
	fee: 'markup',
	overheadandprofit: 'markup',
};

export function norm(value: unknown): string {
	const text = String(value ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
	return SYNONYMS[text.replace(/[^a-z0-9]/g, '')] ?? text;
}

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, k) => k);
	for (let x = 1; x <= a.length; x++) {
		let prev = row[0];
		row[0] = x;
		for (let y = 1; y <= b.length; y++) {
			const keep = row[y];
			row[y] = Math.min(row[y] + 1, row[y - 1] + 1, prev + (a[x - 1] === b[y - 1] ? 0 : 1));
			prev = keep;
		}
	}
	return row[b.length];
}

/** Up to three records whose labels are closest to what the user typed. */
export function closeCandidates(kind: Kind, text: string, records: IDataObject[]): string[] {
	const needle = norm(text);
	return records
		.map((r) => {
			const scores = kind.labels(r).filter((l) => l !== undefined && l !== null && l !== '').map((l) => {
				const label = norm(l);
				if (label.includes(needle) || needle.includes(label)) return 0.5;
				return distance(needle, label) / Math.max(needle.length, label.length, 1);
			});
			return { r, score: Math.min(...scores, 1) };
		})
		.filter((c) => c.score <= 0.5)
		.sort((a, b) => a.score - b.score)
		.slice(0, 3)
		.map((c) => kind.display(c.r));
}

export type Match = { ok: true; record: IDataObject; id: string } | { ok: false; ambiguous: IDataObject[] };

/** A record by ID (exact) or by any of its labels (case-insensitive; must be unique). */
export function matchRef(kind: Kind, ref: Ref, records: IDataObject[]): Match {
	const byId = records.find((r) => String(r.id) === ref.text);
	if (ref.byId) return byId ? { ok: true, record: byId, id: String(byId.id) } : { ok: false, ambiguous: [] };
	const needle = norm(ref.text);
	const hits = records.filter((r) => kind.labels(r).some((l) => l !== undefined && l !== null && norm(l) === needle));
	if (hits.length === 1) return { ok: true, record: hits[0], id: String(hits[0].id) };
	if (hits.length === 0 && byId) return { ok: true, record: byId, id: String(byId.id) };
	return { ok: false, ambiguous: hits };
}

/** Unmatched references, gathered so one error names all of them. */
export class Unmatched {
	private problems = new Map<
		string,
		{ kind: Kind; text: string; where: Set<string>; candidates: string[]; ambiguous: boolean }
	>();

	add(kind: Kind, text: string, where: string, candidates: string[], ambiguous = false): void {
		const key = `${kind.label}:${norm(text)}`;
		const problem = this.problems.get(key) ?? { kind, text, where: new Set<string>(), candidates, ambiguous };
		problem.where.add(where);
		this.problems.set(key, problem);
	}

	throwIfAny(ctx: IExecuteFunctions, i: number, projectId: string): void {
		if (this.problems.size === 0) return;
		const all = [...this.problems.values()];
		const names = all.map((p) => `${p.kind.label} "${p.text}" (${[...p.where].join(', ')})`);
		const details = all.map((p) => {
			if (p.ambiguous) {
				return `${p.kind.label} "${p.text}" matches several: ${p.candidates.join('; ')}. Give its ID instead.`;
			}
			const close = p.candidates.length ? ` Closest: ${p.candidates.join('; ')}.` : '';
			return `${p.kind.label} "${p.text}": not found in project ${projectId}.${close} ${p.kind.hint}`;
		});
		throw new NodeOperationError(
			ctx.getNode(),
			`Could not match ${names.length === 1 ? names[0] : `${names.length} values: ${names.join('; ')}`}`,
			{ description: `${details.join('\n')}\nNothing was written.`, itemIndex: i },
		);
	}
}

export const KINDS = {
	costCode: {
		label: 'Cost code',
		list: 'costCodes',
		labels: (r) => [r.full_code, r.code, r.name, `${String(r.full_code ?? r.code)} ${String(r.name)}`, r.origin_id],
		display: (r) => `${String(r.full_code ?? r.code)} ${String(r.name ?? '')} (ID ${String(r.id)})`.replace(/\s+/g, ' '),
		// No example code: one we made up might not be in this project (the closest real ones are listed).
		hint: 'Use a code as the project lists it, or its ID; the Cost Code field lists the project\'s codes.',
	},
	category: {
		label: 'Category',
		list: 'lineItemTypes',
		labels: (r) => [r.code, r.name, r.base_type, r.origin_id],
		display: (r) => `${String(r.code ?? '')} ${String(r.name ?? '')} (ID ${String(r.id)})`.trim(),
		hint: 'Use a line item type (cost type) of the project by code, name or ID, e.g. L or Labor.',
	},
	budgetCode: {
		label: 'Budget code',
		list: 'wbsCodes',
		labels: (r) => [r.flat_code, r.flat_name, r.description],
		display: (r) => `${String(r.flat_code)} ${String(r.description ?? '')} (ID ${String(r.id)})`.trim(),
		hint: 'Use the budget (WBS) code as Procore shows it, e.g. 01-100.L, or its ID; or give the cost code and category instead.',
	},
	commitment: {
		label: 'Contract',
		list: 'commitments',
		labels: (r) => [r.number, r.title, `${String(r.number)} ${String(r.title)}`],
		display: (r) => `${String(r.number ?? '')} ${String(r.title ?? '')} (ID ${String(r.id)})`.trim(),
		hint: 'Use the commitment (subcontract or purchase order) number, title or ID; for a prime contract choose it in "Contract".',
	},
	primeContract: {
		label: 'Prime contract',
		list: 'primeContracts',
		labels: (r) => [r.number, r.title, `${String(r.number)} ${String(r.title)}`],
		display: (r) => `${String(r.number ?? '')} ${String(r.title ?? '')} (ID ${String(r.id)})`.trim(),
		hint: 'Use the prime contract number, title or ID.',
	},
	vendor: {
		label: 'Vendor',
		list: 'vendors',
		labels: (r) => [r.name, r.abbreviated_name, r.origin_id],
		display: (r) => `${String(r.name)} (ID ${String(r.id)})`,
		hint: 'Use the name of a vendor in the project directory, or its ID.',
	},
	status: {
		label: 'Status',
		list: 'statuses',
		labels: (r) => [r.name, r.mapped_to_status],
		display: (r) => `${String(r.name)} (ID ${String(r.id)})`,
		hint: 'Use Open, Pending or Closed (the project\'s Change Event statuses), or a status ID.',
	},
	reason: {
		label: 'Change reason',
		list: 'reasons',
		labels: (r) => [r.change_reason],
		display: (r) => `${String(r.change_reason)} (ID ${String(r.id)})`,
		hint: 'Use one of the company\'s change reasons (Change Order settings), or its ID.',
	},
	changeType: {
		label: 'Change type',
		list: 'changeTypes',
		labels: (r) => [r.change_type, r.name, r.abbreviation],
		display: (r) => `${String(r.change_type ?? r.name)} (ID ${String(r.id)})`,
		hint: 'Use one of the company\'s Change Event types, or its ID.',
	},
} satisfies Record<string, Kind>;

/**
 * Resolves references of one kind, reading the list only when a value is not already a plain ID
 * that needs no check. Unmatched values go to `unmatched` (the caller throws once, naming all).
 */
export async function resolveAll(
	ctx: IExecuteFunctions,
	i: number,
	scope: Scope,
	kind: Kind,
	refs: Array<{ ref: Ref; where: string }>,
	unmatched: Unmatched,
): Promise<Map<string, IDataObject>> {
	const resolved = new Map<string, IDataObject>();
	// An ID the user gave as an ID goes to Procore as is (Procore checks it): no list read for it.
	for (const { ref } of refs) if (ref.byId) resolved.set(refKey(ref), { id: ref.text });
	const named = refs.filter(({ ref }) => !ref.byId);
	if (!named.length) return resolved;
	const records = await projectList(ctx, kind.list, scope, i);
	for (const { ref, where } of named) {
		const key = refKey(ref);
		if (resolved.has(key)) continue;
		const match = matchRef(kind, ref, records);
		if (match.ok) {
			resolved.set(key, match.record);
		} else if (match.ambiguous.length) {
			unmatched.add(kind, ref.text, where, match.ambiguous.slice(0, 3).map(kind.display), true);
		} else {
			unmatched.add(kind, ref.text, where, closeCandidates(kind, ref.text, records));
		}
	}
	return resolved;
}

export function refKey(ref: Ref): string {
	return `${ref.byId ? 'id' : 'code'}:${norm(ref.text)}`;
}

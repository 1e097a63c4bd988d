/**
 * Change orders as Procore refuses and keeps them (catalog: Change Orders). Beyond the generic
 * engine's CRUD:
 * - the contract a change order names must be of the same project and of the right side (a CCO on
 *   a commitment, a PCCO on the prime contract, a PCO or package on either), else 422 naming
 *   `contract_id`, and nothing is stored;
 * - potential change orders exist only when the contract type's change order tier setting has 2
 *   or 3 tiers (`changeOrderTiers` config, per project and side; default 2): at 1 tier a PCO create
 *   is refused with 422;
 * - the tier count is shown where the catalog's schema has it (`change_order_tiers` on PCO
 *   records) unless `changeOrderTiersShown` is 'none' (how Procore exposes the setting is
 *   UNCONFIRMED, so clients must work either way);
 * - lines must belong to a change order of the project and name codes of the project (cost code,
 *   the company's line item types; the project's budget codes on v2.0 lines); a change order's
 *   `grand_total` and `line_items_total` follow its lines.
 */
import { createRecord, emitChange, readAttributes, respond } from '../engine/generic';
import { errorReply, notFound } from '../http/errors';
import type { Runtime } from '../runtime';
import type { StoredRec } from '../store';
import type { Ctx, Reply } from '../types';
import { defineHandler } from './registry';

type Obj = Record<string, unknown>;
type Side = 'commitment' | 'prime';
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined =>
	isObject(v) ? idOf(v.id) : v === undefined || v === null || v === '' ? undefined : String(v);

/** The project's contract by id and which side it is on. */
function contractOf(rt: Runtime, projectId: number, id: string | undefined): { side: Side; rec: StoredRec } | undefined {
	if (!id) return undefined;
	const p = `projects/${projectId}`;
	for (const [key, side] of [
		[`${p}/work_order_contracts`, 'commitment'],
		[`${p}/purchase_order_contracts`, 'commitment'],
		[`${p}/prime_contracts`, 'prime'],
	] as const) {
		const rec = rt.store.get(key, id);
		if (rec && !rec.deleted_at) return { side, rec };
	}
	return undefined;
}

export function tiersFor(rt: Runtime, projectId: number, side: Side): number {
	const setting = rt.config.changeOrderTiers[String(projectId)] ?? {};
	return setting[side] ?? 2;
}

const refuse = (ctx: Ctx, field: string, message: string): Reply =>
	errorReply(ctx.isV2, 422, `Validation failed: ${field} ${message}`, { [field]: [message] });

const WANTED: Record<string, Side[]> = {
	potential_change_orders: ['commitment', 'prime'],
	change_order_packages: ['commitment', 'prime'],
	commitment_change_orders: ['commitment'],
	prime_change_orders: ['prime'],
};

function createChangeOrder(ctx: Ctx, rt: Runtime, name: keyof typeof WANTED): Reply {
	const projectId = ctx.projectId!;
	const read = readAttributes(ctx, name, false);
	if ('error' in read) return read.error;
	const body = isObject(ctx.body) ? ctx.body : {};
	const contractId = idOf(body.contract_id) ?? idOf(read.attrs.contract_id);
	const contract = contractOf(rt, projectId, contractId);
	const sides = WANTED[name];
	if (!contractId) return refuse(ctx, 'contract_id', "can't be blank");
	if (!contract || !sides.includes(contract.side))
		return refuse(ctx, 'contract_id', `is not a ${sides.length === 2 ? 'contract' : sides[0] === 'prime' ? 'prime contract' : 'commitment'} of this project`);
	const tiers = tiersFor(rt, projectId, contract.side);
	if (name === 'potential_change_orders' && tiers < 2)
		return errorReply(ctx.isV2, 422, 'Potential Change Orders are not enabled for this contract (1-tier change orders)', {
			base: ['Potential Change Orders are not enabled for this contract: its change order tier setting is 1 tier'],
		});
	const attrs: Obj = { ...read.attrs, contract_id: contract.rec.id, grand_total: '0.00', line_items_total: '0.00' };
	if (name === 'potential_change_orders' && rt.config.changeOrderTiersShown !== 'none') attrs.change_order_tiers = tiers;
	if (name === 'change_order_packages') attrs.type = 'ChangeOrderPackage';
	const rec = createRecord(ctx, rt, `projects/${projectId}/${name}`, attrs);
	return respond(ctx, rt, rec, 201);
}

export const createPco = defineHandler('POST /rest/v1.0/potential_change_orders', (ctx, rt) => createChangeOrder(ctx, rt, 'potential_change_orders'));
export const createPackage = defineHandler('POST /rest/v1.0/change_order_packages', (ctx, rt) => createChangeOrder(ctx, rt, 'change_order_packages'));
export const createCco = defineHandler('POST /rest/v1.0/projects/{project_id}/commitment_change_orders', (ctx, rt) =>
	createChangeOrder(ctx, rt, 'commitment_change_orders'),
);
export const createPcco = defineHandler('POST /rest/v1.0/projects/{project_id}/prime_change_orders', (ctx, rt) =>
	createChangeOrder(ctx, rt, 'prime_change_orders'),
);

const cents = (v: unknown) => Math.round((Number(v) || 0) * 100);

/** A line on a change order of this project, its codes checked where Procore looks them up. */
function createLine(ctx: Ctx, rt: Runtime, name: string, parentId: string): Reply {
	const projectId = ctx.projectId!;
	const parentKey = `projects/${projectId}/${name}`;
	const parent = rt.store.get(parentKey, parentId);
	if (!parent || parent.deleted_at) return notFound(ctx.isV2, 'Change Order');
	const read = readAttributes(ctx, 'line_items', false);
	if ('error' in read) return read.error;
	const a = read.attrs;
	const p = `projects/${projectId}`;
	const c = `companies/${ctx.companyId ?? rt.companyId}`;
	if (idOf(a.cost_code_id) && !rt.store.get(`${p}/cost_codes`, idOf(a.cost_code_id)!)) return refuse(ctx, 'cost_code_id', 'is not a cost code of this project');
	if (idOf(a.line_item_type_id) && !rt.store.get(`${c}/line_item_types`, idOf(a.line_item_type_id)!) && !rt.store.get(`${p}/line_item_types`, idOf(a.line_item_type_id)!))
		return refuse(ctx, 'line_item_type_id', 'is not a line item type of this company');
	if (idOf(a.wbs_code_id) && !rt.store.get(`${p}/work_breakdown_structure/wbs_codes`, idOf(a.wbs_code_id)!))
		return refuse(ctx, 'wbs_code_id', 'is not a budget code of this project');
	const amount = a.amount !== undefined ? (cents(a.amount) / 100).toFixed(2) : ((cents(a.quantity) * cents(a.unit_cost)) / 1e6).toFixed(2);
	const lineKey = `${parentKey}/${parentId}/line_items`;
	const line = createRecord(ctx, rt, lineKey, { ...a, amount, holder: { id: parent.id, holder_type: name } });
	const total = (rt.store.list(lineKey) as Obj[]).reduce((sum, l) => sum + cents(l.amount), 0);
	Object.assign(parent, { grand_total: (total / 100).toFixed(2), line_items_total: (total / 100).toFixed(2), updated_at: rt.clock.iso() });
	emitChange(ctx, rt, 'update', parentKey, parent);
	return respond(ctx, rt, line, ctx.isV2 ? 200 : 201);
}

export const createPcoLine = defineHandler('POST /rest/v1.0/potential_change_orders/{potential_change_order_id}/line_items', (ctx, rt) =>
	createLine(ctx, rt, 'potential_change_orders', ctx.params.potential_change_order_id),
);
export const createCcoLine = defineHandler(
	'POST /rest/v2.0/companies/{company_id}/projects/{project_id}/commitment_change_orders/{commitment_change_order_id}/line_items',
	(ctx, rt) => createLine(ctx, rt, 'commitment_change_orders', ctx.params.commitment_change_order_id),
);
export const createPccoLine = defineHandler(
	'POST /rest/v2.0/companies/{company_id}/projects/{project_id}/prime_change_orders/{prime_change_order_id}/line_items',
	(ctx, rt) => createLine(ctx, rt, 'prime_change_orders', ctx.params.prime_change_order_id),
);

/**
 * The v1.0 package show also shows commitment and prime contract change orders (its schema's
 * `type`: ChangeOrderPackage, CommitmentContractChangeOrder, PrimeContractChangeOrder), which is
 * what a webhook's "Change Order Packages" event names.
 */
export const showPackage = defineHandler('GET /rest/v1.0/change_order_packages/{id}', (ctx, rt) => {
	const p = `projects/${ctx.projectId}`;
	for (const [name, type] of [
		['change_order_packages', 'ChangeOrderPackage'],
		['commitment_change_orders', 'CommitmentContractChangeOrder'],
		['prime_change_orders', 'PrimeContractChangeOrder'],
	] as const) {
		const rec = rt.store.get(`${p}/${name}`, ctx.params.id);
		if (rec && !rec.deleted_at) return respond(ctx, rt, { ...rec, type }, 200);
	}
	return notFound(false, 'Change Order Package');
});

export const changeOrderHandlers = [showPackage, createPco, createPackage, createCco, createPcco, createPcoLine, createCcoLine, createPccoLine];

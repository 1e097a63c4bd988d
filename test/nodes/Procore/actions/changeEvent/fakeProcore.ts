/**
 * A small Procore for Change Event tests (nock): the project's lookups and a Change Event store
 * that validates bodies the way Procore's schema says (required status and scope on create, known
 * IDs, only the fields each version accepts), so a wrong body fails the test.
 */
import nock from 'nock';

export const API = 'https://api.procore.test';
export const PROJECT = '101';
export const COMPANY = '4264807';

type Row = Record<string, any>;

export const COST_CODES: Row[] = [
	{ id: 501, full_code: '01-100', code: '100', name: 'Demolition' },
	{ id: 502, full_code: '02-200', code: '200', name: 'Concrete' },
	{ id: 503, full_code: '03-300', code: '300', name: 'Masonry' },
];
export const LINE_ITEM_TYPES: Row[] = [
	{ id: 11, code: 'L', name: 'Labor', base_type: 'labor' },
	{ id: 12, code: 'M', name: 'Materials', base_type: 'materials' },
	{ id: 13, code: 'E', name: 'Equipment', base_type: 'equipment' },
	{ id: 14, code: 'S', name: 'Subcontract', base_type: 'commitment' },
	{ id: 15, code: 'MU', name: 'Markup', base_type: 'other' },
];
export const COMMITMENTS: Row[] = [{ id: 7001, number: 'SC-004', title: 'Concrete Sub', vendor: { id: 3001, name: 'Acme Concrete' } }];
export const PRIME_CONTRACTS: Row[] = [{ id: 8001, number: 'PC-1', title: 'Owner Contract' }];
export const STATUSES: Row[] = [
	{ id: 1, name: 'Open', mapped_to_status: 'open', default_status: true },
	{ id: 2, name: 'Pending', mapped_to_status: 'pending', default_status: false },
	{ id: 3, name: 'Closed', mapped_to_status: 'closed', default_status: false },
];
export const REASONS: Row[] = [{ id: 41, change_reason: 'Owner Request' }, { id: 42, change_reason: 'Design Error' }];
export const CHANGE_TYPES: Row[] = [{ id: 51, change_type: 'Owner Change', abbreviation: 'OC' }];

const V10_HEADER = new Set([
	'title', 'number', 'status', 'change_event_status_id', 'change_order_change_reason_id', 'event_scope', 'event_type',
	'origin_data', 'origin_id', 'rfi_id', 'change_event_line_items_attributes', 'attachments_by_drawing_revision',
	'attachments_by_file_version', 'attachments_by_form', 'attachments_by_image', 'attachments_by_uuid',
]);
const V10_LINE_CREATE = new Set([
	'id', 'budget_code', 'description', 'uom', 'estimated_cost_amount', 'estimated_cost_quantity', 'estimated_cost_unit_cost',
	'estimated_cost_calculation_strategy', 'line_item_type_id', 'cost_code_id', 'proposed_vendor_id', 'proposed_contract_id',
	'commitment_contract_line_item_id',
]);
const V10_LINE_UPDATE = new Set([...V10_LINE_CREATE, 'wbs_code_id']);
const V11_PATCH = new Set([
	'attachments', 'attachments_by_drawing_revision', 'attachments_by_file_version', 'attachments_by_form', 'attachments_by_image',
	'attachments_by_uuid', 'change_items', 'change_reason', 'change_type', 'custom_fields', 'description', 'event_origin',
	'external_data', 'number', 'prime_contract_for_estimates', 'scope', 'source', 'source_of_revenue_rom', 'status', 'title',
]);

export interface Call {
	method: string;
	path: string;
	body?: any;
}

/**
 * A fresh FakeProcore for every test of the describe block it is called in, with nock refusing any
 * other host; everything cleaned after each test. `let procore: FakeProcore; freshFakeProcore((p) => (procore = p));`
 */
export function freshFakeProcore(use: (procore: FakeProcore) => void): void {
	beforeEach(() => {
		nock.disableNetConnect();
		use(new FakeProcore());
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});
}

export class FakeProcore {
	changeEvents: Row[] = [];
	calls: Call[] = [];
	private nextId = 9000;
	private nextLineId = 50000;

	constructor() {
		const list = (rows: () => Row[]) => (uri: string) => {
			const url = new URL(uri, API);
			const page = Number(url.searchParams.get('page') ?? 1);
			const perPage = Number(url.searchParams.get('per_page') ?? 100);
			const all = rows();
			return [200, all.slice((page - 1) * perPage, page * perPage), { Total: String(all.length) }];
		};
		const log = (method: string, uri: string, body?: any) => this.calls.push({ method, path: new URL(uri, API).pathname, body });
		const scope = nock(API).persist();
		scope.get('/rest/v1.0/cost_codes').query(true).reply((uri) => { log('GET', uri); return list(() => COST_CODES)(uri) as any; });
		scope.get('/rest/v1.0/line_item_types').query(true).reply((uri) => { log('GET', uri); return list(() => LINE_ITEM_TYPES)(uri) as any; });
		scope.get('/rest/v1.0/commitments').query(true).reply((uri) => { log('GET', uri); return list(() => COMMITMENTS)(uri) as any; });
		scope.get('/rest/v1.0/prime_contracts').query(true).reply((uri) => { log('GET', uri); return list(() => PRIME_CONTRACTS)(uri) as any; });
		scope.get('/rest/v1.0/change_event/statuses').query(true).reply((uri) => { log('GET', uri); return list(() => STATUSES)(uri) as any; });
		scope.get('/rest/v1.0/change_order_change_reasons').query(true).reply((uri) => { log('GET', uri); return list(() => REASONS)(uri) as any; });
		scope.get('/rest/v1.0/change_types').query(true).reply((uri) => { log('GET', uri); return list(() => CHANGE_TYPES)(uri) as any; });
		scope.get('/rest/v1.0/change_events').query(true).reply((uri) => {
			log('GET', uri);
			return list(() => this.changeEvents.filter((ce) => !ce.deleted_at))(uri) as any;
		});
		scope.get(/^\/rest\/v1\.0\/change_events\/\d+/).query(true).reply((uri) => {
			log('GET', uri);
			const ce = this.find(uri);
			return ce ? [200, ce] : [404, { errors: 'Change Event not found' }];
		});
		scope.post('/rest/v1.0/change_events').query(true).reply((uri, body: any) => {
			log('POST', uri, body);
			return this.create(body) as any;
		});
		scope.patch(/^\/rest\/v1\.0\/change_events\/\d+/).query(true).reply((uri, body: any, done) => {
			log('PATCH', uri, body);
			this.answer(() => this.updateV10(uri, body), done);
		});
		scope.patch(/^\/rest\/v1\.1\/change_events\/\d+/).query(true).reply((uri, body: any, done) => {
			log('PATCH', uri, body);
			this.answer(() => this.updateV11(uri, body), done);
		});
		scope.delete(/^\/rest\/v1\.1\/change_events\/\d+/).query(true).reply((uri) => {
			log('DELETE', uri);
			const ce = this.find(uri);
			if (!ce) return [404, {}];
			ce.deleted_at = '2026-11-22T00:00:00Z';
			return [204, ''];
		});
	}

	/**
	 * Answers to lose, in order, one per PATCH: the client gets a gateway status (502/504) or a reset
	 * connection instead of Procore's answer, after the PATCH was stored (or, `stored: false`, before).
	 */
	lostAnswers: Array<{ answer: number | 'reset'; stored?: boolean }> = [];

	private answer(apply: () => [number, any], done: (error: NodeJS.ErrnoException | null, result: [number, any]) => void): void {
		const lost = this.lostAnswers.shift();
		const result = lost?.stored === false ? undefined : apply();
		if (!lost || (result && result[0] >= 300)) done(null, result!);
		else if (lost.answer === 'reset') done(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
		else done(null, [lost.answer, '<html><body>Bad Gateway</body></html>']);
	}

	writes(): Call[] {
		return this.calls.filter((c) => c.method !== 'GET');
	}

	private find(uri: string): Row | undefined {
		const id = /change_events\/(\d+)/.exec(uri)?.[1];
		return this.changeEvents.find((ce) => String(ce.id) === id && !ce.deleted_at);
	}

	private invalid(message: Record<string, string[]>): [number, any] {
		return [422, { errors: message }];
	}

	private checkLine(line: Row, update: boolean): string | undefined {
		const allowed = update ? V10_LINE_UPDATE : V10_LINE_CREATE;
		const unknown = Object.keys(line).filter((k) => !allowed.has(k));
		if (unknown.length) return `unknown line fields ${unknown.join(', ')}`;
		if (line.cost_code_id !== undefined && !COST_CODES.some((c) => c.id === line.cost_code_id)) return `cost_code_id ${line.cost_code_id} is invalid`;
		if (line.line_item_type_id !== undefined && !LINE_ITEM_TYPES.some((c) => c.id === line.line_item_type_id)) return `line_item_type_id ${line.line_item_type_id} is invalid`;
		if (line.proposed_contract_id !== undefined && !COMMITMENTS.some((c) => c.id === line.proposed_contract_id)) return `proposed_contract_id ${line.proposed_contract_id} is invalid`;
		if (!['manual', 'automatic', undefined].includes(line.estimated_cost_calculation_strategy)) return 'bad calculation strategy';
		return undefined;
	}

	private applyLine(ce: Row, line: Row): string | undefined {
		const existing = line.id !== undefined ? ce.change_event_line_items.find((l: Row) => l.id === line.id) : undefined;
		if (line.id !== undefined && !existing) return `line ${line.id} not found`;
		const target = existing ?? { id: this.nextLineId++, deletable: true, editable: true, event_id: ce.id };
		if (existing && existing.editable === false) return `line ${line.id} is not editable`;
		for (const [k, v] of Object.entries(line)) if (k !== 'id') target[k] = v;
		if (line.estimated_cost_amount !== undefined) target.estimated_cost_amount = Number(line.estimated_cost_amount).toFixed(2);
		if (!existing) ce.change_event_line_items.push(target);
		return undefined;
	}

	private header(ce: Row, h: Row): void {
		for (const [k, v] of Object.entries(h)) {
			if (k === 'change_event_line_items_attributes' || k.startsWith('attachments_by')) continue;
			if (k === 'change_event_status_id') ce.change_event_status = { ...STATUSES.find((s) => s.id === v) };
			else if (k === 'change_order_change_reason_id') ce.change_order_change_reason = { ...REASONS.find((r) => r.id === v) };
			else ce[k] = v;
		}
		for (const a of h.attachments_by_uuid ?? []) ce.attachments.push({ id: ce.attachments.length + 1, filename: String(a.upload_uuid) });
	}

	private validateHeader(h: Row): [number, any] | undefined {
		const unknown = Object.keys(h ?? {}).filter((k) => !V10_HEADER.has(k));
		if (unknown.length) return [400, { errors: `unknown change_event fields: ${unknown.join(', ')}` }];
		if (h.change_event_status_id !== undefined && !STATUSES.some((s) => s.id === h.change_event_status_id)) return this.invalid({ change_event_status_id: ['is invalid'] });
		if (h.event_scope !== undefined && !['tbd', 'in_scope', 'out_of_scope'].includes(h.event_scope)) return this.invalid({ event_scope: ['is not included in the list'] });
		if (h.change_order_change_reason_id !== undefined && !REASONS.some((r) => r.id === h.change_order_change_reason_id)) return this.invalid({ change_order_change_reason_id: ['is invalid'] });
		return undefined;
	}

	private create(body: Row): [number, any] {
		const h = body?.change_event;
		if (!h) return [400, { errors: 'change_event is missing' }];
		const bad = this.validateHeader(h);
		if (bad) return bad;
		if (h.change_event_status_id === undefined) return this.invalid({ change_event_status_id: ["can't be blank"] });
		if (h.event_scope === undefined) return this.invalid({ event_scope: ["can't be blank"] });
		for (const line of h.change_event_line_items_attributes ?? []) {
			if (line.id !== undefined) return this.invalid({ base: ['line id on create'] });
			const problem = this.checkLine(line, false);
			if (problem) return this.invalid({ change_event_line_items: [problem] });
		}
		const id = this.nextId++;
		const ce: Row = { id, number: this.changeEvents.length + 1, project_id: Number(PROJECT), description: null, attachments: [], change_event_line_items: [], created_at: '2026-11-22T00:00:00Z', updated_at: '2026-11-22T00:00:00Z' };
		this.header(ce, h);
		for (const line of h.change_event_line_items_attributes ?? []) this.applyLine(ce, line);
		this.changeEvents.push(ce);
		return [201, ce];
	}

	private updateV10(uri: string, body: Row): [number, any] {
		const ce = this.find(uri);
		if (!ce) return [404, { errors: 'Change Event not found' }];
		if (String(body?.project_id) !== PROJECT) return this.invalid({ project_id: ['is required in the body'] });
		const h = body.change_event ?? {};
		const bad = this.validateHeader(h);
		if (bad) return bad;
		for (const line of h.change_event_line_items_attributes ?? []) {
			const problem = this.checkLine(line, true);
			if (problem) return this.invalid({ change_event_line_items: [problem] });
		}
		const draft = structuredClone(ce);
		for (const line of h.change_event_line_items_attributes ?? []) {
			const problem = this.applyLine(draft, line);
			if (problem) return this.invalid({ change_event_line_items: [problem] });
		}
		this.header(draft, h);
		Object.assign(ce, draft);
		return [200, ce];
	}

	private updateV11(uri: string, body: Row): [number, any] {
		const ce = this.find(uri);
		if (!ce) return [404, { errors: 'Change Event not found' }];
		const h = body?.change_event ?? {};
		const unknown = Object.keys(h).filter((k) => !V11_PATCH.has(k));
		if (unknown.length) return [400, { errors: `unknown change_event fields: ${unknown.join(', ')}` }];
		for (const item of h.change_items ?? []) {
			const line = ce.change_event_line_items.find((l: Row) => l.id === item.id);
			if (!line) return this.invalid({ change_items: [`${item.id} not found`] });
			if (item.deleted === true) {
				if (!line.deletable) return this.invalid({ change_items: [`${item.id} cannot be deleted`] });
				ce.change_event_line_items = ce.change_event_line_items.filter((l: Row) => l !== line);
			}
		}
		if (h.description !== undefined) ce.description = h.description;
		if (h.change_type) ce.change_type = { ...CHANGE_TYPES.find((t) => t.id === h.change_type.id) };
		if (h.prime_contract_for_estimates) ce.prime_contract_for_estimates = { ...PRIME_CONTRACTS.find((p) => p.id === h.prime_contract_for_estimates.id) };
		return [200, { id: ce.id, title: ce.title, description: ce.description }];
	}
}

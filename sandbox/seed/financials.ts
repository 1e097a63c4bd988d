/** Cost structure and money: line item types, cost codes, WBS, sub jobs, UOMs, change events, commitments, budget views. */
import type { SeedWriter } from './context';
import type { SeedIds } from './ids';

const LINE_ITEM_TYPES = [
	{ name: 'labor', title: 'Labor', code: 'L', base: 'labor' },
	{ name: 'material', title: 'Materials', code: 'M', base: 'materials' },
	{ name: 'equipment', title: 'Equipment', code: 'E', base: 'equipment' },
	{ name: 'subcontract', title: 'Subcontract', code: 'S', base: 'commitment' },
	{ name: 'other', title: 'Other', code: 'O', base: 'other' },
	{ name: 'markup', title: 'Markup', code: 'MU', base: 'markup' },
] as const;

/** [code, name, division, line item types, budget, committed]: some are over 90 % committed on purpose. */
const COST_CODES: Array<
	[string, string, string, Array<(typeof LINE_ITEM_TYPES)[number]['name']>, number, number]
> = [
	['01-000', 'General Requirements', '01', ['labor', 'material', 'other'], 1850000, 420000],
	[
		'03-300',
		'Cast-in-Place Concrete',
		'03',
		['labor', 'material', 'equipment', 'subcontract'],
		6200000,
		5890000,
	],
	['05-100', 'Structural Steel Framing', '05', ['material', 'subcontract'], 7400000, 7150000],
	['09-250', 'Gypsum Board', '09', ['labor', 'material', 'subcontract'], 2100000, 1240000],
	['22-000', 'Plumbing', '22', ['material', 'subcontract'], 3300000, 3050000],
	['23-000', 'HVAC', '23', ['subcontract'], 4800000, 2100000],
	['26-000', 'Electrical', '26', ['labor', 'material', 'subcontract'], 5600000, 5320000],
];

const DIVISION_NAMES: Record<string, string> = {
	'01': 'General Requirements',
	'03': 'Concrete',
	'05': 'Metals',
	'09': 'Finishes',
	'22': 'Plumbing',
	'23': 'HVAC',
	'26': 'Electrical',
};

export function seedFinancials(
	w: SeedWriter,
	ids: Pick<SeedIds, 'projects' | 'vendors' | 'users'>,
	projectNames: Array<keyof Omit<SeedIds['projects'], 'extra'>>,
): Pick<
	SeedIds,
	| 'lineItemTypes'
	| 'costCodes'
	| 'wbsCodes'
	| 'subJobs'
	| 'uoms'
	| 'changeEventStatuses'
	| 'changeTypes'
	| 'changeReasons'
	| 'changeEvents'
	| 'commitments'
	| 'budgetViews'
	| 'primeContracts'
> {
	const c = w.rt.companyId;
	const litKey = w.key('GET /rest/v1.0/line_item_types', {}, { companyId: c });
	const lineItemTypes = {} as SeedIds['lineItemTypes'];
	const litRecords: Record<string, Record<string, unknown>> = {};
	for (const t of LINE_ITEM_TYPES) {
		const rec = w.put(litKey, {
			name: t.title,
			code: t.code,
			base_type: t.base,
			origin_id: null,
			origin_data: null,
		});
		lineItemTypes[t.name] = rec.id as number;
		litRecords[t.name] = { id: rec.id, name: t.title, code: t.code, base_type: t.base };
	}

	const uomKey = w.key('GET /rest/v1.0/companies/{company_id}/uoms', { company_id: c });
	const uoms: Record<string, number> = {};
	for (const [name, desc] of [
		['EA', 'Each'],
		['HR', 'Hour'],
		['LF', 'Linear Foot'],
		['SF', 'Square Foot'],
		['CY', 'Cubic Yard'],
		['LS', 'Lump Sum'],
	])
		uoms[name] = w.put(uomKey, {
			name,
			description: desc,
			uom_category: { id: null, name: 'General' },
		}).id as number;

	const changeTypes: Record<string, number> = {};
	const ctKey = w.key('GET /rest/v1.0/change_types', {}, { companyId: c });
	for (const [abbr, name] of [
		['DC', 'Design Change'],
		['FC', 'Field Condition'],
		['OR', 'Owner Request'],
		['AL', 'Allowance'],
	])
		changeTypes[abbr] = w.put(ctKey, { name, abbreviation: abbr }).id as number;
	const changeReasons: Record<string, number> = {};
	const crKey = w.key('GET /rest/v1.0/change_order_change_reasons', {}, { companyId: c });
	for (const [k, reason] of [
		['client', 'Client Request'],
		['design', 'Design Development'],
		['unforeseen', 'Unforeseen Condition'],
		['code', 'Code Requirement'],
	])
		changeReasons[k] = w.put(crKey, { change_reason: reason, name: reason }).id as number;

	const costCodes: Record<string, number> = {};
	const wbsCodes: Record<string, number> = {};
	let changeEventStatuses = {} as SeedIds['changeEventStatuses'];
	let subJobs = {} as SeedIds['subJobs'];
	let budgetViews = {} as SeedIds['budgetViews'];
	for (const name of projectNames) {
		const pid = ids.projects[name];
		const isTower = name === 'tower';
		const ccKey = w.key('GET /rest/v1.0/cost_codes', {}, { projectId: pid });
		const divisions: Record<string, number> = {};
		for (const [div, divName] of Object.entries(DIVISION_NAMES))
			divisions[div] = w.put(ccKey, {
				name: divName,
				code: div,
				full_code: div,
				sortable_code: div,
				parent: null,
				line_item_types: [],
				origin_id: null,
				project_id: pid,
				position: Number(div),
			}).id as number;
		const ccRecs: Record<string, number> = {};
		for (const [code, ccName, div, types] of COST_CODES) {
			const rec = w.put(ccKey, {
				name: ccName,
				code: code.split('-')[1],
				full_code: code,
				sortable_code: code,
				parent: { id: divisions[div] },
				line_item_types: types.map((t) => litRecords[t]),
				origin_id: null,
				project_id: pid,
				budgeted: true,
			});
			ccRecs[code] = rec.id as number;
			if (isTower) costCodes[code] = rec.id as number;
		}
		const wbsKey = w.key(
			'GET /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes',
			{ project_id: pid },
		);
		for (const [code, ccName, , types] of COST_CODES) {
			for (const t of types) {
				const lit = litRecords[t];
				const flat = `${code}.${lit.code as string}`;
				const rec = w.put(wbsKey, {
					flat_code: flat,
					flat_name: `${ccName}.${lit.name as string}`,
					description: `${ccName} - ${lit.name as string}`,
					status: 'active',
					wbs_pattern_id: null,
					segment_items: [
						{ id: ccRecs[code], code, name: ccName, segment_id: 1, segment_name: 'Cost Code' },
						{
							id: lit.id,
							code: lit.code,
							name: lit.name,
							segment_id: 2,
							segment_name: 'Cost Type',
						},
					],
				});
				if (isTower) wbsCodes[flat] = rec.id as number;
			}
		}
		const sjKey = w.key('GET /rest/v1.0/sub_jobs', {}, { projectId: pid });
		const towerA = w.put(sjKey, { name: 'Tower A', code: '01', origin_id: null, project_id: pid })
			.id as number;
		const podium = w.put(sjKey, {
			name: 'Parking Podium',
			code: '02',
			origin_id: null,
			project_id: pid,
		}).id as number;
		if (isTower) subJobs = { towerA, podium };

		const statusKey = w.key('GET /rest/v1.0/change_event/statuses', {}, { projectId: pid });
		const st = (n: string, mapped: string, def: boolean) =>
			w.put(statusKey, {
				name: n,
				mapped_to_status: mapped,
				default_status: def,
				show_in_select: true,
			}).id as number;
		const statuses = {
			open: st('Open', 'open', true),
			pending: st('Pending', 'pending', false),
			closed: st('Closed', 'closed', false),
		};
		if (isTower) changeEventStatuses = statuses;

		const bvKey = w.key('GET /rest/v1.0/budget_views', {}, { projectId: pid });
		const standard = w.put(bvKey, {
			name: 'Procore Standard Budget',
			description: 'Original, revised, committed and projected',
			project_id: pid,
		}).id as number;
		const costControl = w.put(bvKey, {
			name: 'Cost Control',
			description: 'Company cost-control view (custom columns)',
			project_id: pid,
		}).id as number;
		if (isTower) budgetViews = { standard, costControl };
		// Column keys differ per view, as they do per company view configuration in Procore.
		for (const [code, ccName, , , budget, committed] of COST_CODES) {
			const base = {
				company_id: c,
				project_id: pid,
				cost_code_id: ccRecs[code],
				cost_code: `${code} - ${ccName}`,
				root_cost_code_id: ccRecs[code],
				biller_type: 'Project',
				biller_id: pid,
				original_budget_amount: budget.toFixed(2),
				wbs_code_id: null,
			};
			w.put(
				w.key(
					'GET /rest/v1.0/budget_views/{budget_view_id}/detail_rows',
					{ budget_view_id: standard },
					{ projectId: pid },
				),
				{
					...base,
					revised_budget: budget.toFixed(2),
					committed_costs: committed.toFixed(2),
					direct_costs: (committed * 0.04).toFixed(2),
					pending_budget_changes: '0.00',
					projected_costs: (committed * 1.02).toFixed(2),
					projected_over_under: (budget - committed * 1.02).toFixed(2),
				},
			);
			w.put(
				w.key(
					'GET /rest/v1.0/budget_views/{budget_view_id}/detail_rows',
					{ budget_view_id: costControl },
					{ projectId: pid },
				),
				{
					...base,
					'Revised Budget': budget.toFixed(2),
					'Committed Costs': committed.toFixed(2),
					'Job to Date Costs': (committed * 0.55).toFixed(2),
					'Percent Committed': ((committed / budget) * 100).toFixed(1),
					'Forecast to Complete': (budget - committed * 0.55).toFixed(2),
				},
			);
		}
	}

	const tower = ids.projects.tower;
	const ceKey = w.key('GET /rest/v1.0/change_events', {}, { projectId: tower });
	const ce = (
		n: number,
		title: string,
		status: string,
		scope: string,
		type: string,
		reason: string,
		lines: Array<[string, string, number, number | null]>,
	) =>
		w.put(
			ceKey,
			{
				number: n,
				alphanumeric_number: String(n).padStart(3, '0'),
				title,
				description: `${title} — raised by the field team.`,
				status: status === 'closed' ? 'closed' : 'open',
				change_event_status: {
					id: changeEventStatuses[status as keyof SeedIds['changeEventStatuses']],
					name: status.charAt(0).toUpperCase() + status.slice(1),
					mapped_to_status: status,
				},
				event_scope: scope,
				event_type: type,
				project_id: tower,
				change_reason: reason,
				origin_id: null,
				origin_data: null,
				change_event_line_items: lines.map(([code, lit, amount, vendor], i) => ({
					id: w.id(),
					description: `Line ${i + 1}`,
					cost_code: { id: costCodes[code] },
					cost_code_id: costCodes[code],
					line_item_type: { id: lineItemTypes[lit as keyof SeedIds['lineItemTypes']] },
					line_item_type_id: lineItemTypes[lit as keyof SeedIds['lineItemTypes']],
					vendor: vendor ? { id: vendor } : null,
					proposed_vendor_id: vendor,
					deletable: true,
					editable: true,
					rom: amount.toFixed(2),
					estimated_cost_amount: amount.toFixed(2),
				})),
			},
			10 - n,
		).id as number;
	const changeEvents = {
		curtainWall: ce(
			1,
			'Curtain wall anchor redesign at level 12',
			'open',
			'out_of_scope',
			'owner_change',
			'Design Development',
			[['05-100', 'subcontract', 48500, ids.vendors.steel]],
		),
		slabRework: ce(
			2,
			'Slab edge rework after survey',
			'pending',
			'in_scope',
			'contingency',
			'Unforeseen Condition',
			[
				['03-300', 'labor', 12800, null],
				['03-300', 'material', 6400, ids.vendors.concrete],
			],
		),
		ownerUpgrade: ce(
			3,
			'Lobby lighting upgrade requested by owner',
			'closed',
			'out_of_scope',
			'owner_change',
			'Client Request',
			[['26-000', 'subcontract', 31250, ids.vendors.electrical]],
		),
	};

	const woc = w.key('GET /rest/v1.0/work_order_contracts', {}, { projectId: tower });
	const poc = w.key('GET /rest/v1.0/purchase_order_contracts', {}, { projectId: tower });
	const contract = (
		key: string,
		n: string,
		title: string,
		vendor: number,
		status: string,
		amount: number,
		days: number,
	) =>
		w.put(
			key,
			{
				number: n,
				title,
				status,
				executed: status === 'Approved',
				vendor: { id: vendor },
				project: { id: tower },
				project_id: tower,
				grand_total: amount.toFixed(2),
				signed_contract_received_date: status === 'Approved' ? w.at(days).slice(0, 10) : null,
				retainage_percent: '10.0',
				private: false,
				origin_id: null,
				origin_data: null,
				accounting_method: 'amount',
			},
			days,
		).id as number;
	const commitments = {
		electricalWoc: contract(
			woc,
			'SC-001',
			'Electrical Subcontract',
			ids.vendors.electrical,
			'Approved',
			5320000,
			120,
		),
		concreteWoc: contract(
			woc,
			'SC-002',
			'Concrete Subcontract',
			ids.vendors.concrete,
			'Approved',
			5890000,
			150,
		),
		drywallWoc: contract(
			woc,
			'SC-003',
			'Drywall & Acoustics Subcontract',
			ids.vendors.drywall,
			'Out For Signature',
			1240000,
			20,
		),
		plumbingPo: contract(
			poc,
			'PO-001',
			'Plumbing Fixtures Purchase Order',
			ids.vendors.plumbing,
			'Approved',
			640000,
			60,
		),
		steelPo: contract(
			poc,
			'PO-002',
			'Structural Steel Supply',
			ids.vendors.steel,
			'Submitted',
			2150000,
			45,
		),
	};
	const primeTower = w.put(
		w.key('GET /rest/v1.0/prime_contracts', {}, { projectId: tower }),
		{
			number: 'PC-001',
			title: 'Harbor View Tower Prime Contract',
			status: 'Approved',
			executed: true,
			project_id: tower,
			grand_total: '84500000.00',
			// Procore's figures of the contract page; the show (handlers/prime-contracts.ts) derives the rest.
			approved_change_orders: '312500.00',
			pending_change_orders_amount: '86400.00',
			draft_change_orders_amount: '0.00',
			revised_contract_amount: '84812500.00',
			owner_invoices_amount: '23100000.00',
			total_payments: '21000000.00',
			vendor: { id: null, name: 'Harbor View Development LLC' },
			retainage_percent: '5.0',
			accounting_method: 'amount',
			origin_id: null,
			origin_data: null,
		},
		240,
	).id as number;
	// The schedule of values: one line per cost code at its budget, and the rest of the owner's price
	// on General Requirements, so the lines add up to the contract's grand total.
	const pcLineKey = w.key(
		'GET /rest/v1.0/prime_contracts/{prime_contract_id}/line_items',
		{ prime_contract_id: primeTower },
		{ projectId: tower },
	);
	const sov: Array<[string, string, number]> = [
		...COST_CODES.map(([code, name, , , budget]): [string, string, number] => [code, name, budget]),
		['01-000', 'Building shell, general conditions and fee', 84500000 - COST_CODES.reduce((s, cc) => s + cc[4], 0)],
	];
	sov.forEach(([code, description, amount], position) =>
		w.put(
			pcLineKey,
			{
				description,
				amount: amount.toFixed(2),
				quantity: '1.0',
				uom: 'LS',
				unit_cost: amount.toFixed(2),
				extended_type: 'manual',
				position: position + 1,
				cost_code: { id: costCodes[code], full_code: code, name: COST_CODES.find((cc) => cc[0] === code)?.[1] },
				line_item_type: { id: lineItemTypes.subcontract, name: 'Subcontract', code: 'S' },
				holder: { id: primeTower, holder_type: 'PrimeContract' },
				origin_id: null,
				origin_data: null,
			},
			240,
		),
	);
	return {
		lineItemTypes,
		costCodes,
		wbsCodes,
		subJobs,
		uoms,
		changeEventStatuses,
		changeTypes,
		changeReasons,
		changeEvents,
		commitments,
		budgetViews,
		primeContracts: { tower: primeTower },
	};
}

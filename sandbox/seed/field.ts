/** Field and compliance records: time types, crews, timecards, insurances, RFIs, observations, daily logs, submittals. */
import type { SeedWriter } from './context';
import type { SeedIds } from './ids';

type Base = Pick<
	SeedIds,
	'projects' | 'vendors' | 'users' | 'people' | 'costCodes' | 'lineItemTypes' | 'subJobs'
>;

export function seedField(
	w: SeedWriter,
	ids: Base,
): Pick<
	SeedIds,
	| 'timeTypes'
	| 'crews'
	| 'timecardEntries'
	| 'insurances'
	| 'rfis'
	| 'observationTypes'
	| 'observations'
	| 'dailyLogs'
	| 'submittals'
> {
	const c = w.rt.companyId;
	const tower = ids.projects.tower;
	const ttKey = w.key('GET /rest/v1.0/companies/{company_id}/timecard_time_types', {
		company_id: c,
	});
	const tt = (name: string, abbr: string, billable: boolean) =>
		w.put(ttKey, {
			time_type: name,
			abbreviated_time_type: abbr,
			active: true,
			billable,
			global: true,
		}).id as number;
	const timeTypes = {
		regular: tt('Regular Time', 'RT', true),
		overtime: tt('Overtime', 'OT', true),
		doubleTime: tt('Double Time', 'DT', true),
		sick: tt('Sick', 'SK', false),
		vacation: tt('Vacation', 'VAC', false),
	};

	// The project-scoped time-type list shows the company's types.
	for (const pid of [
		ids.projects.tower,
		ids.projects.hospital,
		ids.projects.school,
		ids.projects.warehouse,
		ids.projects.inactive,
		ids.projects.archived,
	]) {
		const projectTt = w.rt.store.collection(
			w.key('GET /rest/v1.0/timecard_time_types', {}, { projectId: pid }),
		);
		for (const id of Object.values(timeTypes))
			projectTt.set(String(id), w.rt.store.get(ttKey, id)!);
	}

	const crewKey = w.key('GET /rest/v1.0/projects/{project_id}/crews', { project_id: tower });
	const crews = {
		concrete: w.put(crewKey, {
			name: 'Concrete Crew A',
			lead_id: ids.people.finisher,
			members: [
				{ id: ids.people.finisher },
				{ id: ids.people.laborer },
				{ id: ids.people.operator },
			],
			project_id: tower,
		}).id as number,
		framing: w.put(crewKey, {
			name: 'Framing Crew',
			lead_id: ids.people.carpenter,
			members: [{ id: ids.people.carpenter }, { id: ids.people.laborer }],
			project_id: tower,
		}).id as number,
	};

	const teKey = w.key('GET /rest/v1.0/projects/{project_id}/timecard_entries', {
		project_id: tower,
	});
	const timecardEntries: number[] = [];
	const workers: Array<[number, string]> = [
		[ids.people.carpenter, '09-250'],
		[ids.people.laborer, '03-300'],
		[ids.people.electrician, '26-000'],
		[ids.people.operator, '03-300'],
		[ids.people.finisher, '03-300'],
	];
	for (let day = 1; day <= 5; day++) {
		for (const [party, code] of workers) {
			const date = w.at(day).slice(0, 10);
			const rec = w.put(
				teKey,
				{
					party_id: party,
					party: { id: party },
					date,
					hours: day === 3 ? '10.0' : '8.0',
					time_in: null,
					time_out: null,
					billable: true,
					description: 'Daily work',
					project_id: tower,
					cost_code: { id: ids.costCodes[code] },
					cost_code_id: ids.costCodes[code],
					line_item_type: { id: ids.lineItemTypes.labor },
					sub_job: { id: ids.subJobs.towerA },
					timecard_time_type: { id: timeTypes.regular },
					timecard_time_type_id: timeTypes.regular,
					status: day > 2 ? 'approved' : 'pending',
					origin_id: null,
					created_by: { id: ids.users.superintendent },
				},
				day,
			);
			timecardEntries.push(rec.id as number);
		}
	}

	// Insurances at company, vendor and project scope, in the statuses COI tracking cares about.
	const ins = (
		key: string,
		type: string,
		status: string,
		expiresInDays: number,
		vendor: number | null,
		extra: Record<string, unknown> = {},
	) =>
		w.put(key, {
			insurance_type: type,
			status,
			policy_number: `POL-${Math.abs(expiresInDays * 37 + (vendor ?? 0)) % 100000}`,
			insurance_provider: 'Cascade Mutual Insurance',
			limit: '2000000',
			effective_date: w.at(365 - expiresInDays).slice(0, 10),
			expiration_date: w.at(-expiresInDays).slice(0, 10),
			exempt: false,
			info_received: status !== 'undecided',
			enable_expired_insurance_notifications: true,
			vendor_id: vendor,
			notes: null,
			additional_insured: 'Granite Peak Builders, Inc.',
			origin_id: null,
			origin_data: null,
			...extra,
		}).id as number;
	const vendorIns = (v: number) =>
		w.key('GET /rest/v1.0/companies/{company_id}/vendors/{vendor_id}/insurances', {
			company_id: c,
			vendor_id: v,
		});
	const insurances = {
		companyGl: ins(
			w.key('GET /rest/v1.0/companies/{company_id}/insurances', { company_id: c }),
			'General Liability',
			'compliant',
			200,
			null,
		),
		electricalGl: ins(
			vendorIns(ids.vendors.electrical),
			'General Liability',
			'compliant',
			20,
			ids.vendors.electrical,
		),
		electricalAuto: ins(
			vendorIns(ids.vendors.electrical),
			'Automobile Liability',
			'expired',
			-12,
			ids.vendors.electrical,
		),
		plumbingGl: ins(
			vendorIns(ids.vendors.plumbing),
			'General Liability',
			'non_compliant',
			90,
			ids.vendors.plumbing,
		),
		concreteWc: ins(
			vendorIns(ids.vendors.concrete),
			"Workers' Compensation",
			'compliant_in_progress',
			5,
			ids.vendors.concrete,
		),
		projectBuildersRisk: ins(
			w.key('GET /rest/v1.0/projects/{project_id}/insurances', { project_id: tower }),
			"Builder's Risk",
			'compliant',
			300,
			null,
			{ project_id: tower },
		),
		drywallProjectGl: ins(
			w.key('GET /rest/v1.0/projects/{project_id}/vendors/{vendor_id}/insurances', {
				project_id: tower,
				vendor_id: ids.vendors.drywall,
			}),
			'General Liability',
			'undecided',
			45,
			ids.vendors.drywall,
			{ project_id: tower },
		),
	};

	const rfiKey = w.key('GET /rest/v1.0/projects/{project_id}/rfis', { project_id: tower });
	const rfi = (
		n: number,
		subject: string,
		status: string,
		question: string,
		code: string,
		days: number,
	) =>
		w.put(
			rfiKey,
			{
				number: String(n),
				full_number: String(n),
				subject,
				status,
				project_id: tower,
				rfi_manager: { id: ids.users.pm, name: 'Dana Whitfield' },
				assignees: [{ id: ids.users.engineer, name: 'Priya Natarajan' }],
				due_date: w.at(days - 7).slice(0, 10),
				questions: [
					{
						id: w.id(),
						body: question,
						plain_text_body: question,
						created_by: { id: ids.users.superintendent },
					},
				],
				cost_code: { id: ids.costCodes[code] },
				responsible_contractor: { id: ids.vendors.concrete },
				private: false,
				draft: false,
				cost_impact: { status: 'tbd', value: null },
				schedule_impact: { status: 'tbd', value: null },
			},
			days,
		).id as number;
	const rfis = {
		embedPlates: rfi(
			1,
			'Embed plate spacing at gridline C',
			'open',
			'Drawings S-201 and A-101 disagree on embed spacing at gridline C. Which governs?',
			'03-300',
			6,
		),
		ceilingHeight: rfi(
			2,
			'Ceiling height conflict in corridor 3B',
			'closed',
			'Duct run conflicts with the 9\'-0" ceiling in corridor 3B. Can the ceiling drop to 8\'-8"?',
			'23-000',
			14,
		),
	};

	const otKey = w.key('GET /rest/v1.0/observations/types', {}, { projectId: tower });
	const observationTypes = {
		safety: w.put(otKey, { name: 'Safety', category: 'Safety', active: true }).id as number,
		quality: w.put(otKey, { name: 'Quality', category: 'Quality', active: true }).id as number,
	};
	const obsKey = w.key('GET /rest/v1.0/observations/items', {}, { projectId: tower });
	const observations = {
		guardrail: w.put(
			obsKey,
			{
				number: '1',
				name: 'Missing guardrail at level 7 slab edge',
				description: 'Temporary guardrail removed for deliveries and not replaced.',
				status: 'initiated',
				priority: 'High',
				type: { id: observationTypes.safety, name: 'Safety' },
				assignee: { id: ids.users.superintendent },
				created_by: { id: ids.users.engineer },
				due_date: w.at(-2).slice(0, 10),
				personal: false,
				project_id: tower,
			},
			2,
		).id as number,
		honeycomb: w.put(
			obsKey,
			{
				number: '2',
				name: 'Honeycombing at column C-4',
				description: 'Surface voids after form stripping.',
				status: 'ready_for_review',
				priority: 'Medium',
				type: { id: observationTypes.quality, name: 'Quality' },
				assignee: { id: ids.users.engineer },
				created_by: { id: ids.users.superintendent },
				due_date: w.at(-5).slice(0, 10),
				personal: false,
				project_id: tower,
			},
			4,
		).id as number,
	};

	const log = (route: string, rec: Record<string, unknown>) =>
		w.put(
			w.key(route, { project_id: tower }),
			{
				date: w.at(1).slice(0, 10),
				log_date: w.at(1).slice(0, 10),
				created_by: { id: ids.users.superintendent },
				project_id: tower,
				...rec,
			},
			1,
		).id as number;
	const dailyLogs = {
		manpower: log('GET /rest/v1.0/projects/{project_id}/manpower_logs', {
			num_workers: 12,
			num_hours: '8.0',
			man_hours: '96.0',
			vendor: { id: ids.vendors.concrete, name: 'Solid Rock Concrete Inc.' },
			notes: 'Level 8 deck pour',
			location: null,
		}),
		notes: log('GET /rest/v1.0/projects/{project_id}/notes_logs', {
			comment: 'Crane inspection completed; tower crane cleared for operation.',
			is_issue_day: false,
		}),
		work: log('GET /rest/v1.0/projects/{project_id}/work_logs', {
			scheduled_task: 'Level 8 slab',
			comments: 'Placed 210 CY',
			hours: '8.0',
			workers: 9,
		}),
		delivery: log('GET /rest/v1.0/projects/{project_id}/delivery_logs', {
			delivery_from: 'Solid Rock Concrete Inc.',
			tracking_number: 'SRC-88231',
			contents: 'Ready-mix 5000 psi, 210 CY',
			comments: 'Arrived 06:40',
		}),
		weather: log('GET /rest/v1.0/projects/{project_id}/weather_logs', {
			temperature: '48',
			sky: 'Overcast',
			precipitation: 'Light Rain',
			wind: 'Light',
			// The schema declares a string.
			is_weather_delay: 'false',
			comments: 'Light drizzle after 14:00',
		}),
		accident: log('GET /rest/v1.0/projects/{project_id}/accident_logs', {
			involved_name: "James O'Neill",
			involved_company: 'Granite Peak Builders, Inc.',
			comments: 'Minor hand laceration; first aid on site.',
			time_hour: 10,
			time_minute: 15,
		}),
	};

	// v1.1 keeps weather logs under daily_logs/; the same record is visible from both paths.
	const weather = w.rt.store.get(
		w.key('GET /rest/v1.0/projects/{project_id}/weather_logs', { project_id: tower }),
		dailyLogs.weather,
	);
	if (weather)
		w.rt.store
			.collection(
				w.key('GET /rest/v1.1/projects/{project_id}/daily_logs/weather_logs', {
					project_id: tower,
				}),
			)
			.set(String(weather.id), weather);

	const subKey = w.key('GET /rest/v1.0/projects/{project_id}/submittals', { project_id: tower });
	const submittals = {
		rebar: w.put(
			subKey,
			{
				number: '03 20 00-1',
				title: 'Reinforcing steel shop drawings',
				status: { id: 1, name: 'Open', status: 'open' },
				type: { id: 1, name: 'Shop Drawing', translated_name: 'Shop Drawing' },
				revision: '0',
				responsible_contractor: { id: ids.vendors.concrete },
				submittal_manager: { id: ids.users.engineer },
				due_date: w.at(-10).slice(0, 10),
				project_id: tower,
				private: false,
			},
			12,
		).id as number,
		drywallBoard: w.put(
			subKey,
			{
				number: '09 21 16-1',
				title: 'Gypsum board product data',
				status: { id: 2, name: 'Approved', status: 'closed' },
				type: { id: 2, name: 'Product Data', translated_name: 'Product Data' },
				revision: '1',
				responsible_contractor: { id: ids.vendors.drywall },
				submittal_manager: { id: ids.users.engineer },
				due_date: w.at(3).slice(0, 10),
				project_id: tower,
				private: false,
			},
			25,
		).id as number,
	};
	return {
		timeTypes,
		crews,
		timecardEntries,
		insurances,
		rfis,
		observationTypes,
		observations,
		dailyLogs,
		submittals,
	};
}

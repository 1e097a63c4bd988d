/** The general contractor: company, users, workers, subcontractors, projects and OAuth apps. */
import type { Accounts } from '../oauth/accounts';
import type { SeedWriter } from './context';
import type { SeedIds } from './ids';

export const PROJECTS = [
	{
		name: 'tower',
		title: 'Harbor View Tower',
		number: '2026-001',
		city: 'Seattle',
		state: 'WA',
		zip: '98101',
		address: '1200 Alaskan Way',
		stage: 'Course of Construction',
		value: '84500000.00',
		active: true,
	},
	{
		name: 'hospital',
		title: "St. Mary's Medical Center Expansion",
		number: '2026-002',
		city: 'Tacoma',
		state: 'WA',
		zip: '98405',
		address: '1717 S J St',
		stage: 'Course of Construction',
		value: '126000000.00',
		active: true,
	},
	{
		name: 'school',
		title: 'Lincoln Elementary Modernization',
		number: '2026-003',
		city: 'Bellevue',
		state: 'WA',
		zip: '98004',
		address: '401 108th Ave NE',
		stage: 'Pre-Construction',
		value: '22750000.00',
		active: true,
	},
	{
		name: 'warehouse',
		title: 'Gateway Logistics Warehouse',
		number: '2026-004',
		city: 'Kent',
		state: 'WA',
		zip: '98032',
		address: '22010 76th Ave S',
		stage: 'Bidding',
		value: '38900000.00',
		active: true,
	},
	{
		name: 'inactive',
		title: 'Riverside Parking Structure',
		number: '2025-011',
		city: 'Renton',
		state: 'WA',
		zip: '98057',
		address: '800 Logan Ave S',
		stage: 'Warranty',
		value: '14200000.00',
		active: false,
	},
	{
		name: 'archived',
		title: 'Oak Street Retail (Archived)',
		number: '2024-007',
		city: 'Everett',
		state: 'WA',
		zip: '98201',
		address: '2930 Wetmore Ave',
		stage: 'Closeout',
		value: '9600000.00',
		active: false,
	},
] as const;

const VENDORS = [
	{
		name: 'electrical',
		title: 'Bright Spark Electric LLC',
		trade: 'Electrical',
		abbr: 'BSE',
		city: 'Seattle',
	},
	{
		name: 'plumbing',
		title: 'BlueLine Plumbing & Mechanical',
		trade: 'Plumbing',
		abbr: 'BLP',
		city: 'Tacoma',
	},
	{
		name: 'concrete',
		title: 'Solid Rock Concrete Inc.',
		trade: 'Concrete',
		abbr: 'SRC',
		city: 'Kent',
	},
	{
		name: 'drywall',
		title: 'Pinnacle Drywall & Acoustics',
		trade: 'Drywall',
		abbr: 'PDA',
		city: 'Everett',
	},
	{
		name: 'steel',
		title: 'Ironworks Steel Erectors',
		trade: 'Structural Steel',
		abbr: 'ISE',
		city: 'Auburn',
	},
	{
		name: 'roofing',
		title: 'TopCover Roofing Co.',
		trade: 'Roofing',
		abbr: 'TCR',
		city: 'Bellevue',
	},
	{ name: 'hvac', title: 'AirFlow HVAC Services', trade: 'HVAC', abbr: 'AFH', city: 'Redmond' },
] as const;

const USERS = [
	{ name: 'pm', first: 'Dana', last: 'Whitfield', title: 'Project Manager' },
	{ name: 'superintendent', first: 'Marco', last: 'Reyes', title: 'Superintendent' },
	{ name: 'engineer', first: 'Priya', last: 'Natarajan', title: 'Project Engineer' },
	{ name: 'accountant', first: 'Ellen', last: 'Park', title: 'Project Accountant' },
] as const;

const WORKERS = [
	{ name: 'carpenter', first: 'Luis', last: 'Ortega', classification: 'Carpenter' },
	{ name: 'laborer', first: 'James', last: "O'Neill", classification: 'Laborer' },
	{ name: 'electrician', first: 'Aisha', last: 'Bello', classification: 'Electrician' },
	{ name: 'operator', first: 'Tom', last: 'Kowalski', classification: 'Equipment Operator' },
	{ name: 'finisher', first: 'Grace', last: 'Liu', classification: 'Cement Finisher' },
] as const;

export const COMPANY_NAME = 'Granite Peak Builders, Inc.';
export const OTHER_COMPANY_ID = 4264900;

export function seedDirectory(
	w: SeedWriter,
	accounts: Accounts,
	extraProjects: number,
): Pick<SeedIds, 'companyId' | 'otherCompanyId' | 'users' | 'people' | 'projects' | 'vendors'> {
	const c = w.rt.companyId;
	w.put('companies', {
		id: c,
		name: COMPANY_NAME,
		is_active: true,
		logo_url: null,
		pcn_business_experience: null,
		my_company: true,
	});
	// A company the sandbox user cannot access (403 tests).
	w.put('companies', {
		id: OTHER_COMPANY_ID,
		name: 'Elsewhere Developments',
		is_active: true,
		logo_url: null,
		pcn_business_experience: null,
		my_company: false,
	});

	const companyUsers = w.key('GET /rest/v1.0/companies/{company_id}/users', { company_id: c });
	const users = {} as SeedIds['users'];
	for (const u of USERS) {
		const login = `${u.first}.${u.last}@granitepeak.example`.toLowerCase();
		const rec = w.put(companyUsers, {
			first_name: u.first,
			last_name: u.last,
			name: `${u.first} ${u.last}`,
			login,
			email_address: login,
			job_title: u.title,
			is_employee: true,
			is_active: true,
			employee_id: `GP-${100 + Object.keys(users).length}`,
			vendor: { id: null, name: COMPANY_NAME },
		});
		users[u.name] = rec.id as number;
		accounts.addUser({
			id: rec.id as number,
			login,
			name: `${u.first} ${u.last}`,
			companyIds: [c],
		});
	}
	const dmsa = w.put(companyUsers, {
		first_name: 'Sandbox',
		last_name: 'Service Account',
		name: 'Sandbox Service Account',
		login: 'dmsa@sandbox.example',
		is_employee: false,
		is_active: true,
	});
	users.dmsa = dmsa.id as number;
	accounts.addUser({
		id: users.dmsa,
		login: 'dmsa@sandbox.example',
		name: 'Sandbox Service Account',
		companyIds: [c],
	});
	accounts.defaultUserId = users.pm;
	accounts.addApp({
		clientId: 'sandbox-client-id',
		clientSecret: 'sandbox-client-secret',
		name: 'n8n (sandbox)',
		kind: 'web',
	});
	accounts.addApp({
		clientId: 'sandbox-dmsa-client',
		clientSecret: 'sandbox-dmsa-secret',
		name: 'n8n DMSA (sandbox)',
		kind: 'dmsa',
		serviceUserId: users.dmsa,
	});

	const companyPeople = w.key('GET /rest/v1.0/companies/{company_id}/people', { company_id: c });
	const people = {} as SeedIds['people'];
	for (const [i, p] of WORKERS.entries()) {
		const id = w.id();
		// Timecards address a worker by party_id; Procore uses the person's id for it.
		w.put(companyPeople, {
			id,
			party_id: id,
			first_name: p.first,
			last_name: p.last,
			name: `${p.first} ${p.last}`,
			is_employee: true,
			employee_id: `GP-W${200 + i}`,
			work_classification: { id: null, name: p.classification },
			user_id: null,
			active: true,
		});
		people[p.name] = id;
	}

	const vendorsKey = w.key('GET /rest/v1.0/vendors', {}, { companyId: c });
	const vendors = {} as SeedIds['vendors'];
	for (const [i, v] of VENDORS.entries()) {
		const rec = w.put(vendorsKey, {
			name: v.title,
			abbreviated_name: v.abbr,
			trade_name: v.trade,
			is_active: true,
			city: v.city,
			state_code: 'WA',
			country_code: 'US',
			business_phone: `206-555-01${10 + i}`,
			email_address: `office@${v.abbr.toLowerCase()}.example`,
			origin_id: null,
			origin_data: null,
			license_number: `WA-${v.abbr}-${4400 + i}`,
			labor_union: i % 2 === 0,
			non_union_prevailing_wage: false,
			prequalified: i !== 5,
		});
		vendors[v.name] = rec.id as number;
	}

	const projectsKey = w.key('GET /rest/v1.0/projects', {}, { companyId: c });
	const projects = { extra: [] as number[] } as SeedIds['projects'];
	const addProject = (
		p: {
			title: string;
			number: string;
			city: string;
			state: string;
			zip: string;
			address: string;
			stage: string;
			value: string;
			active: boolean;
		},
		status?: string,
	) =>
		w.put(
			projectsKey,
			{
				name: p.title,
				display_name: `${p.number} - ${p.title}`,
				project_number: p.number,
				address: p.address,
				city: p.city,
				state_code: p.state,
				country_code: 'US',
				zip: p.zip,
				time_zone: 'Pacific Time (US & Canada)',
				tz_name: 'America/Los_Angeles',
				stage: p.stage,
				active: p.active,
				total_value: p.value,
				estimated_value: p.value,
				start_date: '2026-02-02',
				completion_date: '2027-11-30',
				company: { id: c, name: COMPANY_NAME },
				origin_id: null,
				origin_data: null,
				is_demo: false,
				status: status ?? (p.active ? 'active' : 'inactive'),
			},
			200,
		).id as number;
	for (const p of PROJECTS)
		projects[p.name] = addProject(p, p.name === 'archived' ? 'archived' : undefined);
	for (let i = 0; i < extraProjects; i++) {
		projects.extra.push(
			addProject({
				title: `Bench Project ${String(i + 1).padStart(4, '0')}`,
				number: `B-${i + 1}`,
				city: 'Spokane',
				state: 'WA',
				zip: '99201',
				address: `${100 + i} Main St`,
				stage: 'Course of Construction',
				value: '1000000.00',
				active: i % 10 !== 9,
			}),
		);
	}

	for (const name of [
		'tower',
		'hospital',
		'school',
		'warehouse',
		'inactive',
		'archived',
	] as const) {
		const pid = projects[name];
		const projectUsers = w.key('GET /rest/v1.0/projects/{project_id}/users', { project_id: pid });
		for (const u of USERS)
			w.put(projectUsers, {
				id: users[u.name],
				name: `${u.first} ${u.last}`,
				first_name: u.first,
				last_name: u.last,
				job_title: u.title,
				is_employee: true,
				vendor: { id: null, name: COMPANY_NAME },
			});
		const projectPeople = w.key('GET /rest/v1.0/projects/{project_id}/people', { project_id: pid });
		for (const p of WORKERS)
			w.put(projectPeople, {
				id: people[p.name],
				party_id: people[p.name],
				first_name: p.first,
				last_name: p.last,
				name: `${p.first} ${p.last}`,
				is_employee: true,
				work_classification: { id: null, name: p.classification },
			});
		const projectVendors = w.key('GET /rest/v1.0/projects/{project_id}/vendors', {
			project_id: pid,
		});
		for (const v of VENDORS)
			w.put(projectVendors, {
				id: vendors[v.name],
				name: v.title,
				abbreviated_name: v.abbr,
				trade_name: v.trade,
				is_active: true,
			});
	}
	return { companyId: c, otherCompanyId: OTHER_COMPANY_ID, users, people, projects, vendors };
}

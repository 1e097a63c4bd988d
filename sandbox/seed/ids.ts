/** Ids of seeded records by name, so tests never hard-code numbers. */
export interface SeedIds {
	companyId: number;
	otherCompanyId: number;
	users: { pm: number; superintendent: number; engineer: number; accountant: number; dmsa: number };
	people: Record<'carpenter' | 'laborer' | 'electrician' | 'operator' | 'finisher', number>;
	/** Workers added by the `workers` seed option (in every named project's directory). */
	extraWorkers: number[];
	projects: {
		tower: number;
		hospital: number;
		school: number;
		warehouse: number;
		inactive: number;
		archived: number;
		extra: number[];
	};
	vendors: Record<
		'electrical' | 'plumbing' | 'concrete' | 'drywall' | 'steel' | 'roofing' | 'hvac',
		number
	>;
	lineItemTypes: Record<
		'labor' | 'material' | 'equipment' | 'subcontract' | 'other' | 'markup',
		number
	>;
	/** Tower project cost codes by code (`03-300` …). */
	costCodes: Record<string, number>;
	wbsCodes: Record<string, number>;
	subJobs: { towerA: number; podium: number };
	uoms: Record<string, number>;
	changeEventStatuses: { open: number; pending: number; closed: number };
	changeTypes: Record<string, number>;
	changeReasons: Record<string, number>;
	changeEvents: { curtainWall: number; slabRework: number; ownerUpgrade: number };
	commitments: {
		electricalWoc: number;
		concreteWoc: number;
		drywallWoc: number;
		plumbingPo: number;
		steelPo: number;
	};
	budgetViews: { standard: number; costControl: number };
	/** Tower's prime contract (PC-001), its schedule of values adding up to its grand total. */
	primeContracts: { tower: number };
	timeTypes: Record<'regular' | 'overtime' | 'doubleTime' | 'sick' | 'vacation', number>;
	crews: { concrete: number; framing: number };
	timecardEntries: number[];
	insurances: {
		companyGl: number;
		electricalGl: number;
		electricalAuto: number;
		plumbingGl: number;
		concreteWc: number;
		projectBuildersRisk: number;
		drywallProjectGl: number;
	};
	folders: { contracts: number; photos: number; subcontracts: number };
	files: { contractPdf: number; sitePhoto: number };
	drawingAreas: { architectural: number; structural: number };
	drawings: { a101: number; s201: number };
	drawingRevisions: { a101r1: number; a101r2: number; s201r0: number };
	specificationSections: { concrete: number; drywall: number };
	specificationRevisions: { concrete: number; drywall: number };
	rfis: { embedPlates: number; ceilingHeight: number };
	observationTypes: { safety: number; quality: number };
	observations: { guardrail: number; honeycomb: number };
	dailyLogs: {
		manpower: number;
		notes: number;
		work: number;
		delivery: number;
		weather: number;
		accident: number;
	};
	submittals: { rebar: number; drywallBoard: number };
	punchItemTypes: { paint: number; electrical: number };
	locations: { level2: number; room204: number };
	trades: { painting: number; electrical: number };
	punchItems: { doorFrame: number; coverPlate: number };
	photoAlbums: { walkthrough: number; progress: number };
	photos: { doorFrame: number; corridor: number };
	permissionTemplates: { subcontractor: number; projectManager: number };
	inspectionTypes: { quality: number; safety: number };
	inspectionTemplates: { prePour: number; guardrail: number };
	/** Level 8's has one failed item (level8Embeds); level 7's is closed with none. */
	inspections: { level8PrePour: number; level7PrePour: number };
	inspectionItems: { level8Rebar: number; level8Embeds: number };
	meetings: { oac14: number };
	meetingTopics: { schedule: number; curtainWall: number };
	drawingSets: { permit: number; ifc: number };
}

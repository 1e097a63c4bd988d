import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { properties } from '../../../nodes/Procore/actions/properties';
import { resources } from '../../../nodes/Procore/actions/resources';
import { isShown } from '../../../nodes/Procore/helpers/requiredParameters';
import { runProcoreNode } from '../../helpers/executeContext';

/**
 * Bad input, for every item operation of the node: each required parameter left blank, and each
 * required record locator given something that is not an ID. Each must be refused with a message
 * naming the parameter, before any request reaches Procore.
 */
function plausible(property: INodeProperties): unknown {
	switch (property.type) {
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: '101' };
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2026-11-20';
		case 'options':
			return property.default ?? (property.options as INodePropertyOptions[])[0].value;
		case 'json':
			return '{}';
		case 'multiOptions':
			return Array.isArray(property.default) && property.default.length ? property.default : [(property.options as INodePropertyOptions[])[0].value];
		default:
			return property.name.toLowerCase().includes('path') ? '/rest/v1.0/projects' : 'x';
	}
}

function validParameters(resource: string, operation: string): INodeParameters {
	const values: INodeParameters = { resource, operation };
	for (const property of properties) {
		if (property.name === 'resource' || property.name === 'operation') continue;
		if (!isShown(property, values)) continue;
		values[property.name] = (property.required ? plausible(property) : property.default) as INodeParameters[string];
	}
	return values;
}

const cases: Array<[string, string, string, 'blank' | 'not an id', INodeParameters, string]> = [];
for (const [resource, r] of Object.entries(resources)) {
	for (const option of r.description[0].options as INodePropertyOptions[]) {
		const operation = String(option.value);
		if (!('execute' in r.operations[operation])) continue;
		const valid = validParameters(resource, operation);
		const seen = new Set<string>();
		for (const property of properties) {
			if (!property.required || !(property.name in valid) || ['resource', 'operation'].includes(property.name)) continue;
			if (!isShown(property, valid) || seen.has(property.name)) continue;
			seen.add(property.name);
			const blank = property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: '' } : '';
			cases.push([resource, operation, property.name, 'blank', { ...valid, [property.name]: blank }, `${property.displayName} is required`]);
			if (property.type === 'resourceLocator') {
				cases.push([resource, operation, property.name, 'not an id', { ...valid, [property.name]: { __rl: true, mode: 'id', value: 'Level 3' } }, property.displayName]);
			}
		}
	}
}

describe('bad input is refused before anything is sent', () => {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());

	it('covers every item operation', () => {
		expect(cases.length).toBeGreaterThan(40);
	});

	it.each(cases)('%s.%s: %s %s', async (_resource, _operation, _name, _kind, parameters, expected) => {
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({ parameters, requests }).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error).toBeDefined();
		expect(`${error!.message} ${error!.description ?? ''}`).toContain(expected);
		expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
	});
});

/**
 * Malformed values, not just blanks: negative hours, allocations that do not add up, dates out of
 * order, wrong types, oversized or empty batches, missing binaries, unknown IDs, IDs beyond 2^53.
 * Each must be refused with an error that names the parameter and says what to do, and (where the
 * problem can be known before writing) with no write sent. GETs Procore would answer are mocked.
 */
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const MILESTONE = 'procore:budget_line:cc:501:cat:11';
const base = {
	timecard: { resource: 'timecardEntry', operation: 'create', project: rl('101'), worker: rl('7'), date: '2026-11-20', timeEntryMode: 'hours', hours: 8, costCoding: 'milestone', milestone: rl(MILESTONE), additionalFields: {}, options: { checkBeforeWrite: false } },
	clockOut: {
		resource: 'timecardEntry', operation: 'createFromClockOut', project: rl('101'), worker: rl('7'), clockOutId: 'co-1', clockIn: '2026-11-20T07:00:00', clockOut: '2026-11-20T15:30:00',
		allocationSource: 'list', allocations: { line: [{ milestone: rl(MILESTONE), amount: 60 }, { milestone: rl('procore:budget_line:cc:502:cat:11'), amount: 30 }] }, additionalFields: { lunchMinutes: 30 }, options: { checkBeforeWrite: false, allocationUnit: 'percent' },
	},
	insurance: { resource: 'insurance', operation: 'create', scope: 'companyVendor', vendor: rl('55'), insuranceType: 'General Liability', additionalFields: {}, options: {} },
	pushCor: { resource: 'changeEvent', operation: 'pushCor', project: rl('101'), corId: 'cor-1', title: 'Slab', breakdown: 'lineItem', linesInput: 'json', lines: [{ description: 'Crew', costCode: '01-100', amount: 100 }], additionalFields: { corNumber: '1', scope: 'out_of_scope' }, options: {} },
	upload: { resource: 'document', operation: 'upload', documentScope: 'project', project: rl('101'), folder: { __rl: true, mode: 'list', value: '' }, binaryPropertyName: 'data', ifExists: 'fail', options: {} },
	rfi: { resource: 'rfi', operation: 'create', project: rl('101'), subject: 'Door', question: 'Which hinge?', rfiManager: rl('5'), draft: true, additionalFields: {}, options: {} },
};

type Semantic = [string, Record<string, unknown>, RegExp, { items?: unknown[]; noWrite?: boolean }?];
const semantic: Semantic[] = [
	['Timecard Entry create: negative hours', { ...base.timecard, hours: -4 }, /Hours -4 is not between 0 and 24/],
	['Timecard Entry create: more than 24 hours', { ...base.timecard, hours: 30 }, /Hours.*24/i],
	['Timecard Entry create: hours as text', { ...base.timecard, hours: 'eight' }, /Hours.*number/i],
	['Timecard Entry create: a date that is not a date', { ...base.timecard, date: '31/31/2026' }, /Date.*(YYYY-MM-DD|date)/i],
	['Timecard Entry create: time out before time in', { ...base.timecard, timeEntryMode: 'startStop', timeIn: '2026-11-20T15:00:00', timeOut: '2026-11-20T07:00:00', lunchMinutes: 0 }, /Time Out.*(after|before)|Time In.*(before|after)/i],
	['Timecard Entry create: a milestone that is not a milestone string', { ...base.timecard, milestone: rl('01-100 Labor') }, /Milestone/],
	['Timecard Entry create: negative lunch', { ...base.timecard, timeEntryMode: 'startStop', timeIn: '2026-11-20T07:00:00', timeOut: '2026-11-20T15:00:00', lunchMinutes: -30 }, /Lunch/i],
	['Timecard Entry create from clock-out: percent allocations summing to 90', base.clockOut, /100/],
	['Timecard Entry create from clock-out: a negative share', { ...base.clockOut, allocations: { line: [{ milestone: rl(MILESTONE), amount: 120 }, { milestone: rl('procore:budget_line:cc:502:cat:11'), amount: -20 }] } }, /(negative|Share|Allocation)/i],
	['Timecard Entry create from clock-out: allocations JSON that is not JSON', { ...base.clockOut, allocationSource: 'json', allocationsJson: '[{milestone:' }, /Allocations \(JSON\).*JSON/],
	['Timecard Entry create from clock-out: clock-out before clock-in', { ...base.clockOut, clockIn: '2026-11-20T15:30:00', clockOut: '2026-11-20T07:00:00' }, /Clock (Out|In)/],
	['Timecard Entry create from clock-out: hours allocations not summing to the worked time', { ...base.clockOut, options: { ...base.clockOut.options, allocationUnit: 'hours' }, allocations: { line: [{ milestone: rl(MILESTONE), amount: 3 }] } }, /hours|worked/i],
	['Timecard Entry create many: a category sent to the company endpoint', { ...base.timecard, operation: 'createMany', options: { checkBeforeWrite: false, endpoint: 'company' } }, /Bulk Endpoint/],
	['Insurance create: expiration before effective date', { ...base.insurance, additionalFields: { effectiveDate: '2027-01-01', expirationDate: '2026-01-01' } }, /Expiration Date.*(after|before)|Effective Date/],
	['Insurance create: a vendor that is not an ID', { ...base.insurance, vendor: rl('Acme Electric') }, /Vendor/],
	['Change Event push COR: lines that are not JSON', { ...base.pushCor, lines: '[{description: x' }, /Lines/],
	['Change Event push COR: a line amount as text', { ...base.pushCor, lines: [{ description: 'Crew', costCode: '01-100', amount: 'lots' }] }, /(amount|Amount).*(number)/i],
	['Change Event push COR: an unknown cost code', base.pushCor, /Cost code "01-100": not found in project 101/],
	['Insurance create: an expiration date that is not a date', { ...base.insurance, additionalFields: { expirationDate: 'next year' } }, /Expiration Date/],
	['Document upload: the input item has no binary', base.upload, /binary/i, { items: [{ json: {} }] }],
	['Document upload: the named binary property is missing', { ...base.upload, binaryPropertyName: 'file' }, /Input Binary Field|binary property "file"/i, { items: [{ json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'a.txt' } } }] }],
	['RFI create: an RFI manager that is not an ID', { ...base.rfi, rfiManager: rl('Jane Doe') }, /RFI Manager/],
	['RFI create: a project ID with a decimal point', { ...base.rfi, project: rl('101.5') }, /Project/],
	['RFI create: a negative project ID', { ...base.rfi, project: rl('-101') }, /Project/],
];

describe('malformed values are refused with the parameter and the fix', () => {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());
	afterEach(() => nock.cleanAll());

	// Every row gets its options object: jest would take a missing fourth column for `done`.
	it.each(semantic.map(([name, parameters, expected, extra]) => [name, parameters, expected, extra ?? {}] as const))('%s', async (_name, parameters, expected, extra) => {
		nock('https://api.procore.test').get(/.*/).query(true).times(50).reply(200, []);
		const requests: IHttpRequestOptions[] = [];
		const error = await runProcoreNode({ parameters, requests, items: (extra as { items?: unknown[] }).items as never }).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error).toBeDefined();
		const text = `${error!.message} ${error!.description ?? ''}`;
		expect(text).toMatch(expected);
		expect(error!.description ?? '').not.toBe('');
		expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
	});
});

describe('IDs beyond 2^53 are kept exact, not refused', () => {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('a 19-digit project ID reaches Procore digit for digit', async () => {
		const big = '9007199254740993123';
		const requests: IHttpRequestOptions[] = [];
		// Connection: close, so no mocked keep-alive socket outlives this file in the jest worker.
		nock('https://api.procore.test')
			.post(/.*/)
			.query(true)
			.reply(201, '{"id": 9223372036854775807, "subject": "Door"}', { 'Content-Type': 'application/json', Connection: 'close' });
		const [out] = await runProcoreNode({ parameters: { ...base.rfi, project: rl(big) }, requests });
		expect(String(requests[0].url)).toContain(big);
		expect(String(out.json.id)).toBe('9223372036854775807');
	});
});

afterAll(() => {
	console.log(`bad input: ${cases.length} blank / not-an-ID cases + ${semantic.length} malformed-value cases + 1 big-ID case = ${cases.length + semantic.length + 1}`);
});

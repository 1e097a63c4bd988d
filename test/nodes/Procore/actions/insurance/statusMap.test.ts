import { readFileSync } from 'fs';
import { join } from 'path';

import { PLATFORM_STATUS_OPTIONS, STATUS_MAP, platformStatusFrom } from '../../../../../nodes/Procore/actions/insurance/statusMap';

describe('COI status mapping', () => {
	it('maps the platform\'s words to Procore\'s statuses as documented', () => {
		const table = Object.fromEntries(
			Object.entries(STATUS_MAP).map(([k, v]) => [k, [v.insuranceStatus, v.exempt, v.commitmentStatus]]),
		);
		expect(table).toEqual({
			compliant: ['compliant', false, 'compliant'],
			expiring: ['compliant_in_progress', false, 'compliant'],
			nonCompliant: ['non_compliant', false, 'not_compliant'],
			pending: ['non_compliant_in_progress', false, 'not_compliant'],
			exempt: ['compliant', true, 'not_required'],
			expired: ['expired', false, 'not_compliant'],
		});
	});

	it('writes only values of Procore\'s enums', () => {
		const insurance = ['compliant', 'compliant_in_progress', 'expired', 'non_compliant', 'non_compliant_in_progress', 'undecided', 'unregistered'];
		for (const m of Object.values(STATUS_MAP)) {
			expect(insurance).toContain(m.insuranceStatus);
			expect(['compliant', 'not_compliant', 'not_required']).toContain(m.commitmentStatus);
		}
	});

	it('docs/coi.md shows the same table as the code', () => {
		const doc = readFileSync(join(__dirname, '../../../../../docs/coi.md'), 'utf8');
		const section = doc.slice(doc.indexOf('### Status mapping'));
		const rows = section
			.split('\n')
			.filter((l) => l.startsWith('| ') && !l.startsWith('| Platform') && !l.startsWith('|---'))
			.slice(0, Object.keys(STATUS_MAP).length)
			.map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, '')));
		expect(rows).toEqual(
			Object.values(STATUS_MAP).map((m) => [m.label, m.insuranceStatus, String(m.exempt), m.commitmentStatus, m.why]),
		);
	});

	it.each([
		['non-compliant', 'nonCompliant'],
		['Non Compliant', 'nonCompliant'],
		['NON_COMPLIANT', 'nonCompliant'],
		['Expiring Soon', 'expiring'],
		['nonCompliant', 'nonCompliant'],
		['in review', 'pending'],
		['Exempt', 'exempt'],
	])('reads "%s" as %s', (word, status) => {
		expect(platformStatusFrom(word)).toBe(status);
	});

	it('returns nothing for an unknown word (the operation then names the valid ones)', () => {
		expect(platformStatusFrom('green')).toBeUndefined();
		expect(PLATFORM_STATUS_OPTIONS.map((o) => o.value).sort()).toEqual(Object.keys(STATUS_MAP).sort());
	});
});

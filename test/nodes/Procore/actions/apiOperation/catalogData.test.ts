import fs from 'fs';

import { TARGET, catalogModule, readVendored } from '../../../../../scripts/build-api-catalog';
import { compactCatalog } from '../../../../../scripts/lib/compactCatalog';

describe('the shipped catalog (catalog.data.ts)', () => {
	it('is what scripts/build-api-catalog.ts makes from the vendored catalog the sandbox reads (run it after vendoring)', () => {
		const { entries, details } = readVendored();
		const fresh = catalogModule(JSON.stringify(compactCatalog(entries, details)));
		// Compared as text: a stale file fails with the first difference instead of a megabyte diff.
		const shipped = fs.readFileSync(TARGET, 'utf8');
		const at = [...fresh].findIndex((c, n) => shipped[n] !== c);
		expect({ sameLength: shipped.length === fresh.length, firstDifference: at < 0 ? null : fresh.slice(Math.max(0, at - 80), at + 80) }).toEqual({
			sameLength: true,
			firstDifference: null,
		});
	});
});

/**
 * readLimit: the one reading of a Get Many's Return All / Limit pair. The operations' own tests
 * (nock and sandbox) prove each one pages as before; this pins the helper and that no operation
 * reads the pair by hand again.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../../../nodes/Procore/helpers/limit';

/** getNodeParameter as n8n answers it: the value, else the fallback, else an error. */
function context(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => {
			if (name in parameters) return parameters[name];
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		},
	} as unknown as IExecuteFunctions;
}

it('Return All reads every page (no limit), whatever Limit holds', () => {
	expect(readLimit(context({ returnAll: true, limit: 7 }), 0)).toBeUndefined();
});

it('otherwise stops at Limit', () => {
	expect(readLimit(context({ returnAll: false, limit: 7 }), 0)).toBe(7);
});

it('an operation that shows the pair only sometimes gets its defaults (first 50)', () => {
	expect(readLimit(context({}), 0)).toBe(50);
	expect(readLimit(context({ returnAll: false }), 0)).toBe(50);
});

it('no operation reads Return All by hand', () => {
	const root = path.resolve(__dirname, '../../../../nodes');
	const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
	const byHand = files.filter((f) => !f.endsWith(path.join('helpers', 'limit.ts')) && fs.readFileSync(path.join(root, f), 'utf8').includes("getNodeParameter('returnAll'"));
	expect(files.length).toBeGreaterThan(100);
	expect(byHand).toEqual([]);
});

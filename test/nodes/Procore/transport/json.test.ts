import { parseJsonPreservingBigIds, parseWithScanner, parseWithSource } from '../../../../nodes/Procore/transport/json';

// Every path keeps 19-digit IDs exact: the one the package uses (Node 21+: JSON.parse with source),
// the Node 20 fallback (the scanner), and the reviver path called directly.
describe.each([
	['parseJsonPreservingBigIds', parseJsonPreservingBigIds],
	['JSON.parse with source (Node 21+)', parseWithSource],
	['scanner (Node 20)', parseWithScanner],
])('%s', (_name, parse) => {
	it('keeps a 19-digit webhook event id exact, as a string', () => {
		const parsed = parse('{"id": 5982324300946918154, "resource_id": 444, "ulid": "01HZX0V6Q2JQ8A6C7F1M3K9T2B"}') as Record<string, unknown>;
		expect(parsed.id).toBe('5982324300946918154');
		expect(parsed.resource_id).toBe(444);
	});

	it('leaves digits inside strings and safe integers alone', () => {
		const parsed = parse('{"note": "ref 12345678901234567890, ok", "n": 9007199254740991, "list": [1, -98765432109876543210]}') as Record<string, unknown>;
		expect(parsed.note).toBe('ref 12345678901234567890, ok');
		expect(parsed.n).toBe(9007199254740991);
		expect(parsed.list).toEqual([1, '-98765432109876543210']);
	});

	it('handles escaped quotes and backslashes before a big number', () => {
		const parsed = parse('{"a": "say \\"hi\\" \\\\", "b": 12345678901234567890}') as Record<string, unknown>;
		expect(parsed).toEqual({ a: 'say "hi" \\', b: '12345678901234567890' });
	});

	it('keeps numbers that are not big integers as numbers (decimals, exponents)', () => {
		const parsed = parse('{"d": 12345678901234567.5, "e": 1e21, "f": 1234567890123456789e2, "nested": {"ids": [9007199254740993]}}') as Record<string, unknown>;
		expect(parsed.d).toBe(Number('12345678901234567.5'));
		expect(parsed.e).toBe(1e21);
		expect(parsed.f).toBe(Number('1234567890123456789e2'));
		expect(parsed.nested).toEqual({ ids: ['9007199254740993'] });
	});
});

describe('parseJsonPreservingBigIds: which path', () => {
	it('parses a body with no 16-digit run exactly as JSON.parse does', () => {
		const text = '{"id": 562949953421312, "name": "Tower", "created_at": "2026-05-01T12:00:00.123456Z", "list": [1.5, -2, null, true]}';
		expect(parseJsonPreservingBigIds(text)).toEqual(JSON.parse(text));
	});

	it('uses JSON.parse with source on this Node (21+): the same answer as the scanner', () => {
		expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(21);
		let sourceSeen: unknown;
		JSON.parse('[5982324300946918154]', ((_k: string, v: unknown, context?: { source?: string }) => {
			if (typeof v === 'number') sourceSeen = context?.source;
			return v;
		}) as never);
		expect(sourceSeen).toBe('5982324300946918154');
		const text = '{"a": [12345678901234567890, {"b": "x 12345678901234567890"}], "c": -12345678901234567890}';
		expect(parseJsonPreservingBigIds(text)).toEqual(parseWithScanner(text));
	});
});

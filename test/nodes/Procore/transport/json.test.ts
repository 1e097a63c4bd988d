import { parseJsonPreservingBigIds } from '../../../../nodes/Procore/transport/json';

describe('parseJsonPreservingBigIds', () => {
	it('keeps a 19-digit webhook event id exact, as a string', () => {
		const parsed = parseJsonPreservingBigIds(
			'{"id": 5982324300946918154, "resource_id": 444, "ulid": "01HZX0V6Q2JQ8A6C7F1M3K9T2B"}',
		) as Record<string, unknown>;
		expect(parsed.id).toBe('5982324300946918154');
		expect(parsed.resource_id).toBe(444);
	});

	it('leaves digits inside strings and safe integers alone', () => {
		const parsed = parseJsonPreservingBigIds(
			'{"note": "ref 12345678901234567890, ok", "n": 9007199254740991, "list": [1, -98765432109876543210]}',
		) as Record<string, unknown>;
		expect(parsed.note).toBe('ref 12345678901234567890, ok');
		expect(parsed.n).toBe(9007199254740991);
		expect(parsed.list).toEqual([1, '-98765432109876543210']);
	});

	it('handles escaped quotes before a big number', () => {
		const parsed = parseJsonPreservingBigIds('{"a": "say \\"hi\\"", "b": 12345678901234567890}') as Record<string, unknown>;
		expect(parsed).toEqual({ a: 'say "hi"', b: '12345678901234567890' });
	});
});

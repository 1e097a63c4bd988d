import { pairSyncAnswer } from '../../../../nodes/Procore/helpers/sync';

describe('pairSyncAnswer', () => {
	it('pairs by identifying fields, whatever the order of Procore\'s answer', () => {
		const sent = [
			{ itemIndex: 4, record: { origin_id: 'a' } },
			{ itemIndex: 7, record: { id: 12 } },
		];
		const results = pairSyncAnswer(sent, { entities: [{ id: 12, origin_id: 'z' }, { id: 5, origin_id: 'a' }], errors: [] }, ['id', 'origin_id']);
		expect(results).toEqual([
			{ itemIndex: 4, entity: { id: 5, origin_id: 'a' } },
			{ itemIndex: 7, entity: { id: 12, origin_id: 'z' } },
		]);
	});

	it('gives keyless creates the remaining answers in order, and never drops an item', () => {
		const sent = [
			{ itemIndex: 0, record: { name: 'x' } },
			{ itemIndex: 1, record: { origin_id: 'b' } },
			{ itemIndex: 2, record: { name: 'y' } },
		];
		const results = pairSyncAnswer(
			sent,
			{ entities: [{ id: 1, name: 'x' }], errors: [{ origin_id: 'b', errors: { base: ['Locked by ERP'] } }] },
			['id', 'origin_id'],
		);
		expect(results).toEqual([
			{ itemIndex: 0, entity: { id: 1, name: 'x' } },
			{ itemIndex: 1, error: 'Locked by ERP' },
			{ itemIndex: 2, error: expect.stringContaining('did not include this record') },
		]);
	});
});

import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';

describe('Procore Trigger description', () => {
	it('gives its locators no regex validation (n8n runs it before every execution with a 250 ms timeout)', () => {
		const { properties } = new ProcoreTrigger().description;
		const locators = properties.filter((p) => p.type === 'resourceLocator');
		expect(locators.map((p) => p.name).sort()).toEqual(['company', 'project']);
		for (const locator of locators) {
			expect(locator.modes?.map((m) => m.name)).toEqual(['list', 'id', 'url']);
			for (const mode of locator.modes ?? []) expect(mode.validation).toBeUndefined();
		}
	});
});

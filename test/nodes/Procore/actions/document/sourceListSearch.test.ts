/**
 * Document > Get Many / Download: the file, drawing discipline and area, and specification sections
 * are picked from the project's lists (issue #20: a user never runs a Get Many to find an ID).
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import nock from 'nock';

import { getSpecificationSections } from '../../../../../nodes/Procore/methods/document.loadOptions';
import { searchDocumentFiles, searchDrawingAreas, searchDrawingDisciplines } from '../../../../../nodes/Procore/methods/document.listSearch';
import { createExecuteContext } from '../../../../helpers/executeContext';
import { API, company, project } from './helpers';

function loadOptionsContext(parameters: Record<string, unknown> = {}): ILoadOptionsFunctions {
	const ctx = createExecuteContext({ parameters: { company, project, ...parameters } });
	return {
		...ctx,
		getNodeParameter: (name: string, fallback: unknown, o: unknown) => ctx.getNodeParameter(name, 0, fallback, o as never),
	} as unknown as ILoadOptionsFunctions;
}

describe('Document source lists', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('File lists the files of every folder by path, leaf folders included, filtered as typed', async () => {
		nock(API)
			.get('/rest/v1.0/folders')
			.query((q) => q.project_id === '101')
			.reply(200, {
				files: [{ id: 1, name: 'Site logistics.pdf' }],
				folders: [{ id: 10, name: 'Contracts', name_with_path: 'Contracts', has_children_folders: false }],
			});
		nock(API)
			.get('/rest/v1.0/folders/10')
			.query((q) => q.project_id === '101')
			.reply(200, {
				id: 10,
				name: 'Contracts',
				name_with_path: 'Contracts',
				files: [
					{ id: 2, name: 'SC-001 Electrical.pdf' },
					{ id: 3, name: 'Old.pdf', is_deleted: true },
				],
				folders: [],
			});
		const all = await searchDocumentFiles.call(loadOptionsContext());
		expect(all.results).toEqual([
			{ name: 'Site logistics.pdf', value: '1' },
			{ name: 'Contracts/SC-001 Electrical.pdf', value: '2' },
		]);
		expect(nock.isDone()).toBe(true);
	});

	it('File follows "Documents Of": the company\'s Documents when chosen', async () => {
		nock(API).get('/rest/v1.0/companies/4264807/folders').query(true).reply(200, { files: [{ id: 5, name: 'Insurance policy.pdf' }], folders: [] });
		const out = await searchDocumentFiles.call(loadOptionsContext({ documentScope: 'company' }), 'policy');
		expect(out.results).toEqual([{ name: 'Insurance policy.pdf', value: '5' }]);
	});

	it('Discipline and Drawing Area list the project\'s, by name', async () => {
		nock(API).get('/rest/v1.0/projects/101/drawing_disciplines').query(true).reply(200, [{ id: 2, name: 'Structural' }, { id: 1, name: 'Architectural' }]);
		nock(API).get('/rest/v1.0/projects/101/drawing_areas').query(true).reply(200, [{ id: 8, name: 'Tower' }, { id: 9, name: 'Podium' }]);
		expect((await searchDrawingDisciplines.call(loadOptionsContext())).results).toEqual([
			{ name: 'Architectural', value: '1' },
			{ name: 'Structural', value: '2' },
		]);
		expect((await searchDrawingAreas.call(loadOptionsContext(), 'pod')).results).toEqual([{ name: 'Podium', value: '9' }]);
	});

	it('Specification Sections lists the project\'s sections as "number description"', async () => {
		nock(API)
			.get('/rest/v1.0/specification_sections')
			.query((q) => q.project_id === '101')
			.reply(200, [{ id: 1202, number: '03 30 00', description: 'Cast-in-Place Concrete' }, { id: 1201, number: '01 10 00', description: 'Summary' }]);
		expect(await getSpecificationSections.call(loadOptionsContext())).toEqual([
			{ name: '01 10 00 Summary', value: '1201' },
			{ name: '03 30 00 Cast-in-Place Concrete', value: '1202' },
		]);
	});
});

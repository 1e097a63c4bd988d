import { recordLocator } from '../common.descriptions';
import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { projectQuery } from '../shared/path';
import type { ReadSpec } from '../shared/readOperations';
import { getManyOperation } from '../shared/readOperations';

const specificationSectionRead: ReadSpec = {
	resource: 'specificationSection',
	label: 'Specification Section',
	projectScoped: true,
	listPath: '/rest/v1.0/specification_sections',
	scopeQuery: projectQuery,
	idLocator: recordLocator({
		name: 'specificationSectionId',
		displayName: 'Specification Section',
		searchListMethod: 'searchSpecificationSections',
		urlPattern: 'specification_sections/([0-9]+)',
	}),
	fields: ['id', 'number', 'description', 'label', 'current_revision_id'],
};

const getAll = getManyOperation(specificationSectionRead);

export const specificationSection: ProcoreResource = {
	option: {
		name: 'Specification Section',
		value: 'specificationSection',
		description: 'The project\'s spec book sections (number, title, current revision): the IDs RFIs and submittals refer to',
	},
	description: [
		operationSelector(
			'specificationSection',
			[
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many specification sections',
					description: 'List the specification sections of a project with their numbers and titles (e.g. to set an RFI\'s specification section ID). Download their PDFs with Document > Download.',
				},
			],
			'getAll',
		),
		...getAll.description,
	],
	operations: { getAll },
};

import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

const PROCORE_ID = '^[0-9]{1,20}$';

/** A resource locator for a Procore record: from a list, by ID, or by the record's URL in Procore. */
export function recordLocator(options: {
	name: string;
	displayName: string;
	searchListMethod: string;
	/** Regex whose first group is the id inside the record's URL in Procore's web app (none: no By URL). */
	urlPattern?: string;
	required?: boolean;
	description?: string;
	/** What the empty list shows instead of "Choose…" (e.g. what an empty value means). */
	listPlaceholder?: string;
	hint?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		...(options.hint ? { hint: options.hint } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
				...(options.listPlaceholder ? { placeholder: options.listPlaceholder } : {}),
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 562949953421312',
				validation: [
					{
						type: 'regex',
						properties: { regex: PROCORE_ID, errorMessage: 'Enter a numeric Procore ID' },
					},
				],
			},
			...(options.urlPattern
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: 'e.g. https://app.procore.com/…',
							extractValue: { type: 'regex' as const, regex: options.urlPattern },
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: `.*${options.urlPattern}.*`,
										errorMessage: 'Paste the URL of the record in Procore',
									},
								},
							],
						},
					]
				: []),
		],
	};
}

/**
 * An optional ID in a collection (Additional Fields, Filters), picked from a list or given by ID.
 * Readers take its value with normalizeId, so a plain ID string from older workflows still works.
 */
export function pickFromList(name: string, displayName: string, searchListMethod: string, description?: string): INodeProperties {
	return { ...recordLocator({ name, displayName, searchListMethod, required: false, description }), default: { mode: 'list', value: '' } };
}

/** Several IDs in a collection, chosen from a list (loadOptions), or mapped by expression. */
export function pickManyFromList(name: string, displayName: string, loadOptionsMethod: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod, loadOptionsDependsOn: ['project.value'] },
		default: [],
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const companyLocator: INodeProperties = recordLocator({
		name: 'company',
		displayName: 'Company',
		searchListMethod: 'searchCompanies',
		urlPattern: 'companies/([0-9]+)',
		required: false,
		description:
			'The Procore company (sent as Procore-Company-Id). Leave empty to use the Default Company ID of the credential.',
		listPlaceholder: 'The credential\'s Default Company',
		hint: 'Empty: the Default Company ID of the credential is used',
});

export const projectLocator: INodeProperties = recordLocator({
	name: 'project',
	displayName: 'Project',
	searchListMethod: 'searchProjects',
	// Procore web URLs carry the project id either as /projects/<id>/ or as /<id>/project/.
	urlPattern: '(?:projects/|procore\\.com/)([0-9]+)',
	description: 'The Procore project. Pick it from the list, enter its ID, or paste its URL.',
});

export function returnAllOrLimit(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** Collection options in n8n's required alphabetical order, when they are assembled from parts. */
/** The "Filters" collection of a Get Many (optional filters, each narrowing what Procore lists). */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

export function sortedOptions(...parts: INodeProperties[][]): INodeProperties[] {
	return parts.flat().sort((a, b) => a.displayName.localeCompare(b.displayName));
}

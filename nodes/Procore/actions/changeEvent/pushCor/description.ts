import type { INodeProperties } from 'n8n-workflow';

import { writeOptions } from '../../../helpers/write';
import { projectLocator, sortedOptions } from '../../common.descriptions';
import { forOperation } from '../../operationSelector';
import { LINE_SHAPE } from '../corInput';
import { changeEventLocator, changeTypeLookup, eventTypeOptions, lookupLocator, reasonLookup, scopeOptions, statusLookup } from '../fields';

/** The COR's own cost code: picked from the project's cost codes, typed as the code, or its ID. */
const costCodeLocator: INodeProperties = {
	displayName: 'Cost Code',
	name: 'costCode',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The COR\'s cost code: the code of the Lump Sum and Sub-Total lines, and of every line without a Cost Code Override. Empty: each line\'s own code.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCostCodes', searchable: true },
		},
		// No example code here: whatever we showed might not be one of this project's codes.
		{ displayName: 'By Code', name: 'code', type: 'string', placeholder: 'The code as the project lists it' },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 562949953421312',
			validation: [{ type: 'regex', properties: { regex: '^[0-9]{1,20}$', errorMessage: 'Enter a numeric Procore ID' } }],
		},
	],
};

/** One COR line entered in the panel; its keys are the JSON line's keys. */
const lineFields: INodeProperties[] = [
	{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Extended amount; 0 = quantity × unit cost' },
	{
		displayName: 'Category Name or ID',
		name: 'category',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLineItemTypes', loadOptionsDependsOn: ['project.value'] },
		default: '',
		description:
			'This line\'s line item type (cost type), when it differs from the COR\'s Category (a code or name works too). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Contract Name or ID',
		name: 'contract',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCommitments', loadOptionsDependsOn: ['project.value'] },
		default: '',
		description:
			'This line\'s commitment (subcontract or purchase order), when it differs from the COR\'s Contract; it also sets the line\'s vendor (a number or title works too). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Cost Code Override Name or ID',
		name: 'costCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCostCodes', loadOptionsDependsOn: ['project.value'] },
		default: '',
		description:
			'This line\'s cost code, when it differs from the COR\'s Cost Code above (a code works too). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0 },
	{ displayName: 'Rate Type', name: 'rateType', type: 'string', default: '', placeholder: 'e.g. labor', description: 'Groups lines for the Sub-Total breakdown' },
	{ displayName: 'Unit', name: 'unit', type: 'string', default: '', placeholder: 'e.g. HR', description: 'One of the company\'s units of measure' },
	{ displayName: 'Unit Cost', name: 'unitCost', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
	{
		displayName: 'Vendor Name or ID',
		name: 'vendor',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProjectVendors', loadOptionsDependsOn: ['project.value'] },
		default: '',
		description:
			'This line\'s vendor from the project directory, when it differs from the COR\'s Vendor and no commitment gives it (a name works too). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const additionalFields: INodeProperties[] = [
	{
		displayName: 'Attachment Upload UUIDs',
		name: 'attachmentUuids',
		type: 'string',
		default: '',
		description: 'Completed Procore uploads to attach (comma-separated UUIDs or an array), e.g. the COR PDF uploaded with Document > Upload',
	},
	lookupLocator({
		name: 'budgetCode',
		displayName: 'Budget Code',
		searchListMethod: 'searchWbsCodes',
		placeholder: 'A budget code as the project lists it, or an ID',
		description: 'The WBS budget code of lines without one, when the project uses WBS codes',
	}),
	lookupLocator({
		name: 'category',
		displayName: 'Category',
		searchListMethod: 'searchLineItemTypes',
		placeholder: 'e.g. Labor, or an ID',
		description: 'The line item type (cost type) of the Lump Sum line and of lines without one',
	}),
	changeTypeLookup,
	{ displayName: 'Change Event Number', name: 'number', type: 'string', default: '', description: 'Procore numbers Change Events itself; set only to override' },
	reasonLookup,
	lookupLocator({
		name: 'contract',
		displayName: 'Contract',
		searchListMethod: 'searchChangeEventContracts',
		placeholder: 'e.g. SC-004, or an ID',
		description:
			'The commitment (subcontract, purchase order) the COR belongs to, or the prime contract. A commitment becomes each line\'s contract and vendor; a prime contract becomes the Change Event\'s prime contract for estimates.',
	}),
	{ displayName: 'COR Number', name: 'corNumber', type: 'string', default: '', placeholder: 'e.g. 17', description: 'Shown in line descriptions and the summary ("COR 17"); empty: the COR ID' },
	{ displayName: 'COR Total', name: 'corTotal', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'The COR total, for a Lump Sum push without lines' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The COR\'s description or scope narrative' },
	{ displayName: 'Event Type', name: 'eventType', type: 'options', options: eventTypeOptions, default: 'tbd', description: 'Procore\'s fixed event type' },
	{
		displayName: 'Input Data Field Names',
		name: 'binaryProperties',
		type: 'string',
		default: '',
		placeholder: 'e.g. data',
		description:
			'Fields of the input item holding files to attach, e.g. the COR PDF (comma-separated). Each is uploaded to the project and attached; a file name the Change Event already has is not uploaded again.',
	},
	{ displayName: 'Procore File Version IDs', name: 'fileVersionIds', type: 'string', default: '', description: 'Files already in Procore Documents to attach (comma-separated file version IDs)' },
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: scopeOptions,
		default: 'tbd',
		description: 'In scope, out of scope or TBD. Not set: TBD on create, unchanged on update.',
	},
	statusLookup,
	lookupLocator({
		name: 'vendor',
		displayName: 'Vendor',
		searchListMethod: 'searchProjectVendors',
		placeholder: 'e.g. Acme Electric, or an ID',
		description: 'The vendor of lines without one, when no commitment gives it (a vendor of the project directory)',
	}),
];

const options: INodeProperties[] = [
	{
		...changeEventLocator,
		required: false,
		description:
			'Push into this Change Event. Not set: the Change Event this COR was pushed to before (found by its COR ID), or a new one.',
	},
	{
		displayName: 'Removed Lines',
		name: 'removedLines',
		type: 'options',
		options: [
			{ name: 'Delete (Zero If Linked)', value: 'delete', description: 'Remove them; a line Procore will not delete (already in a commitment change order) is set to 0' },
			{ name: 'Keep', value: 'keep', description: 'Leave them as they are' },
			{ name: 'Set to Zero', value: 'zero', description: 'Keep them at 0, for the audit trail' },
		],
		default: 'delete',
		description: 'What happens on update to Change Event lines the COR no longer has. Defaults to Delete (Zero If Linked).',
	},
];

/**
 * Push COR's panel: the project, the COR's identity, how its lines become Change Event lines, and
 * the lines given one way (fields or JSON); everything optional sits in the two collections.
 */
export const description: INodeProperties[] = forOperation('changeEvent', 'pushCor', [
	projectLocator,
	{
		displayName: 'COR ID',
		name: 'corId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cor-8812',
		description: 'The COR\'s unique ID in the tool it comes from. Stored as the Change Event\'s origin ID, so a re-push finds and updates it.',
	},
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', description: 'The Change Event title, usually the COR title' },
	{
		displayName: 'Cost Breakdown',
		name: 'breakdown',
		type: 'options',
		options: [
			{ name: 'Line Item', value: 'lineItem', description: 'One Change Event line per COR line' },
			{ name: 'Lump Sum', value: 'lumpSum', description: 'One line for the COR total, on the COR\'s cost code' },
			{ name: 'Sub-Total', value: 'subTotal', description: 'One line per rate type (labor, material, equipment, subcontract, markup…), on the COR\'s cost code' },
		],
		default: 'lineItem',
	},
	costCodeLocator,
	{
		displayName: 'Lines Input',
		name: 'linesInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'Enter each COR line in the panel' },
			{ name: 'Using JSON', value: 'json', description: 'Map the COR\'s lines as a JSON array, e.g. from the tool that sent the COR' },
		],
		default: 'fields',
		description: 'How the COR\'s lines are given. A Lump Sum push may have none (set COR Total under Additional Fields).',
	},
	{
		displayName: 'Lines (JSON)',
		name: 'lines',
		type: 'json',
		// Not an expression: an expression default shows red "undefined" wherever the input has no lines.
		default: '[]',
		description: `The COR's lines as a JSON array, usually mapped from the input (drag its "lines" here). Each line is ${LINE_SHAPE}; a line's costCode overrides the COR's Cost Code.`,
		displayOptions: { show: { linesInput: ['json'] } },
	},
	{
		displayName: 'Lines',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'The COR\'s lines',
		options: [{ displayName: 'Line', name: 'line', values: lineFields }],
		displayOptions: { show: { linesInput: ['fields'] } },
	},
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: sortedOptions(additionalFields) },
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: sortedOptions(options, writeOptions) },
]);

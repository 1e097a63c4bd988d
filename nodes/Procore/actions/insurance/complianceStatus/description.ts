import type { INodeProperties } from 'n8n-workflow';

import { writeOptions } from '../../../helpers/write';
import { projectLocator, recordLocator, sortedOptions } from '../../common.descriptions';
import { forOperation } from '../../operationSelector';
import { vendorLocator } from '../../vendor/resolve';
import { PLATFORM_STATUS_OPTIONS } from '../statusMap';

/** Where the status can be written; a project is needed by every target but the company directory. */
export type WriteTarget = 'commitments' | 'companyInsurance' | 'projectInsurance';
export const PROJECT_TARGETS: WriteTarget[] = ['commitments', 'projectInsurance'];
const INSURANCE_TARGETS: WriteTarget[] = ['companyInsurance', 'projectInsurance'];

const projectHelp = 'The project whose directory or commitments get the status. Pick it, enter its ID, or paste its URL.';

/**
 * The panel, broad to narrow: project, vendor, the status, where it goes, then which record.
 * Project comes first but is required only when a chosen target lives in a project: n8n marks a
 * field required per context by showing one of two same-named definitions.
 */
export const description: INodeProperties[] = forOperation('insurance', 'updateComplianceStatus', [
	{ ...projectLocator, required: true, description: projectHelp, displayOptions: { show: { writeTo: PROJECT_TARGETS } } },
	{
		...projectLocator,
		required: false,
		description: `${projectHelp} Only needed for project directory insurance or commitments.`,
		displayOptions: { hide: { writeTo: PROJECT_TARGETS } },
	},
	vendorLocator({
		description:
			'The subcontractor whose compliance changed. Pick it, enter its Procore ID, its exact name (as in the Procore directory), or the origin ID your COI platform stored on it.',
	}),
	{
		displayName: 'Compliance Status',
		name: 'complianceStatus',
		type: 'options',
		required: true,
		options: PLATFORM_STATUS_OPTIONS,
		default: 'compliant',
		description:
			'The status in your COI platform, translated to Procore\'s statuses (see each option). An expression may give the platform\'s own word, e.g. "non-compliant".',
	},
	{
		displayName: 'Write Status To',
		name: 'writeTo',
		type: 'multiOptions',
		required: true,
		// An expression here (e.g. an AI agent's $fromAI) shows both Project definitions; they are one
		// parameter, so either row edits the same value.
		options: [
			{
				name: 'Commitments in the Project',
				value: 'commitments',
				description: 'The vendor\'s subcontracts and purchase orders in the project, where PMs and supers look',
			},
			{ name: 'Company Directory Insurance', value: 'companyInsurance', description: 'The vendor\'s insurance records in the company directory' },
			{ name: 'Project Directory Insurance', value: 'projectInsurance', description: 'The vendor\'s insurance records in the project\'s directory' },
		],
		default: ['companyInsurance'],
		description: 'Which Procore records get the status. Only records whose status differs are written.',
	},
	{
		displayName: 'Insurance Record',
		name: 'insuranceMatch',
		type: 'options',
		options: [
			{
				name: 'All of the Vendor\'s Insurances',
				value: 'all',
				description: 'Each of the vendor\'s insurance records in the directory gets the status (and the expiration date, if given)',
			},
			{
				name: 'By Origin ID',
				value: 'originId',
				description: 'The record your COI platform keeps for this vendor or certificate (created if missing)',
			},
			{ name: 'By Policy Number', value: 'policyNumber', description: 'The vendor\'s insurance with this policy number' },
			{ name: 'Chosen Insurance', value: 'insuranceId', description: 'One insurance record, picked from the vendor\'s list or by ID' },
		],
		default: 'originId',
		displayOptions: { show: { writeTo: INSURANCE_TARGETS } },
	},
	{
		displayName: 'Insurance Origin ID',
		name: 'insuranceOriginId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. coi-8842',
		description: 'Your COI platform\'s ID for the certificate or vendor; unique across the Procore company',
		displayOptions: { show: { writeTo: INSURANCE_TARGETS, insuranceMatch: ['originId'] } },
	},
	{
		displayName: 'Policy Number',
		name: 'insurancePolicyNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. GL-2026-0042',
		displayOptions: { show: { writeTo: INSURANCE_TARGETS, insuranceMatch: ['policyNumber'] } },
	},
	{
		...recordLocator({
			name: 'insuranceRecordId',
			displayName: 'Insurance',
			searchListMethod: 'searchVendorInsurances',
			urlPattern: 'insurances/([0-9]+)',
			description: 'The insurance record. Pick it from the vendor\'s insurances in the directory chosen above, or enter its ID.',
		}),
		displayOptions: { show: { writeTo: INSURANCE_TARGETS, insuranceMatch: ['insuranceId'] } },
	},
	{
		...recordLocator({
			name: 'commitment',
			displayName: 'Commitment',
			searchListMethod: 'searchVendorCommitments',
			urlPattern: '(?:work_order_contracts|purchase_order_contracts|commitments)/([0-9]+)',
			required: false,
			description: 'One of the vendor\'s subcontracts or purchase orders in the project. Leave empty to update every commitment of the vendor there.',
		}),
		displayOptions: { show: { writeTo: ['commitments'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Certificate Link',
				name: 'certificateUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://app.coi-platform.com/vendors/8842',
				description: 'Link back to the vendor or certificate in your COI platform, added to the notes so PMs can open it from Procore',
			},
			{
				displayName: 'Expiration Date',
				name: 'expirationDate',
				type: 'dateTime',
				default: '',
				description: 'When the certificate expires (written to the insurance records). Not set: Procore\'s date is kept.',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Why the status is what it is (e.g. "Umbrella limit below $5M"). Not set: Procore\'s notes are kept.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedOptions(
			[
				{
					displayName: 'Commitment Status Field',
					name: 'commitmentField',
					type: 'options',
					options: [
						{ name: 'Both', value: 'both', description: 'The commitment\'s insurance status and its compliance status' },
						{ name: 'Compliance Status', value: 'compliance', description: 'The commitment\'s compliance status and notes' },
						{ name: 'Insurance Status', value: 'insurance', description: 'The commitment\'s insurance status and notes' },
					],
					default: 'insurance',
					description: 'Which status of a commitment gets the compliance status. Defaults to Insurance Status.',
				},
				{
					displayName: 'Create If Missing',
					name: 'createIfMissing',
					type: 'boolean',
					default: true,
					description:
						'Whether to create the insurance record when none has the origin ID or policy number (re-runs then find it by the same key). Defaults to true.',
				},
				{
					displayName: 'Insurance Type for New Records',
					name: 'newInsuranceType',
					type: 'string',
					default: 'Certificate of Insurance',
					description: 'The insurance type of a record created because none matched',
				},
			],
			writeOptions,
		),
	},
]);

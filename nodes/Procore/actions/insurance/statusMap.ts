/**
 * THE mapping from a COI platform's compliance words to Procore's two status vocabularies
 * (docs/coi.md shows the same table). Insurance records use Procore's seven-value enum; a
 * commitment's insurance and compliance statuses use three values.
 */
export type PlatformStatus = 'compliant' | 'expiring' | 'nonCompliant' | 'pending' | 'exempt' | 'expired';

export type InsuranceStatus =
	| 'compliant'
	| 'compliant_in_progress'
	| 'expired'
	| 'non_compliant'
	| 'non_compliant_in_progress'
	| 'undecided'
	| 'unregistered';

export type CommitmentComplianceStatus = 'compliant' | 'not_compliant' | 'not_required';

export interface StatusMapping {
	/** The platform's word, as shown to people. */
	label: string;
	insuranceStatus: InsuranceStatus;
	/** Procore's "Exempt" flag on the insurance record. */
	exempt: boolean;
	commitmentStatus: CommitmentComplianceStatus;
	why: string;
}

export const STATUS_MAP: Record<PlatformStatus, StatusMapping> = {
	compliant: {
		label: 'Compliant',
		insuranceStatus: 'compliant',
		exempt: false,
		commitmentStatus: 'compliant',
		why: 'Every requirement is met.',
	},
	expiring: {
		label: 'Expiring',
		insuranceStatus: 'compliant_in_progress',
		exempt: false,
		commitmentStatus: 'compliant',
		why: 'Still covered today; the renewal certificate is being chased.',
	},
	nonCompliant: {
		label: 'Non-Compliant',
		insuranceStatus: 'non_compliant',
		exempt: false,
		commitmentStatus: 'not_compliant',
		why: 'A requirement is not met (missing coverage, low limits, wrong endorsements).',
	},
	pending: {
		label: 'Pending',
		insuranceStatus: 'non_compliant_in_progress',
		exempt: false,
		commitmentStatus: 'not_compliant',
		why: 'A certificate is requested or under review: not yet proven compliant, so not shown as compliant.',
	},
	exempt: {
		label: 'Exempt',
		insuranceStatus: 'compliant',
		exempt: true,
		commitmentStatus: 'not_required',
		why: 'No insurance is required from this vendor; Procore records it with the Exempt flag.',
	},
	expired: {
		label: 'Expired',
		insuranceStatus: 'expired',
		exempt: false,
		commitmentStatus: 'not_compliant',
		why: 'The policy end date has passed.',
	},
};

export const INSURANCE_STATUS_OPTIONS = [
	{ name: 'Compliant', value: 'compliant' },
	{ name: 'Compliant (In Progress)', value: 'compliant_in_progress' },
	{ name: 'Expired', value: 'expired' },
	{ name: 'Non-Compliant', value: 'non_compliant' },
	{ name: 'Non-Compliant (In Progress)', value: 'non_compliant_in_progress' },
	{ name: 'Undecided', value: 'undecided' },
	{ name: 'Unregistered', value: 'unregistered' },
];

const COMMITMENT_STATUS_NAMES: Record<CommitmentComplianceStatus, string> = {
	compliant: 'Compliant',
	not_compliant: 'Not Compliant',
	not_required: 'Not Required',
};

/** Procore's insurance status as its UI names it ("Non-Compliant (In Progress)"), not its API word. */
export function insuranceStatusName(status: InsuranceStatus): string {
	return INSURANCE_STATUS_OPTIONS.find((o) => o.value === status)?.name ?? status;
}

export const PLATFORM_STATUS_OPTIONS = (Object.keys(STATUS_MAP) as PlatformStatus[])
	.map((value) => {
		const s = STATUS_MAP[value];
		return {
			name: s.label,
			value,
			description: `Procore insurance: ${insuranceStatusName(s.insuranceStatus)}${s.exempt ? ', exempt' : ''}; commitment: ${COMMITMENT_STATUS_NAMES[s.commitmentStatus]}`,
		};
	})
	.sort((a, b) => a.name.localeCompare(b.name));

/** Accepts the platform's own spellings ("non-compliant", "Non Compliant", "NON_COMPLIANT"). */
export function platformStatusFrom(value: unknown): PlatformStatus | undefined {
	const key = String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, '');
	const aliases: Record<string, PlatformStatus> = {
		compliant: 'compliant',
		expiring: 'expiring',
		expiringsoon: 'expiring',
		noncompliant: 'nonCompliant',
		notcompliant: 'nonCompliant',
		pending: 'pending',
		inreview: 'pending',
		exempt: 'exempt',
		expired: 'expired',
	};
	return aliases[key];
}

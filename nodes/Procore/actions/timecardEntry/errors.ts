import { NodeApiError } from 'n8n-workflow';

/**
 * Procore's timecard refusals, in words a foreman can act on. The text Procore sent is kept in the
 * message; the description says what to change. Matched on Procore's wording (it varies by version),
 * so anything unrecognised keeps the transport's general advice.
 */
const RULES: Array<{ status: string[]; test: RegExp; message: string; fix: string }> = [
	{
		status: ['422', '400', '404'],
		test: /(party|person|worker|employee|login).*(directory|not (a )?member|not found|invalid|does ?n[o']t exist|must exist|blank)/i,
		message: 'the worker is not in the project directory',
		fix: 'Add the worker to the project\'s directory with this node\'s Project Directory › Add Person (employee, with their employee ID), or in Procore (Project > Directory > Add Person); or pick a worker from the project\'s people (Person › Get Many).',
	},
	{
		status: ['422', '400'],
		test: /(line[ _]item[ _]type|category).*(cost[ _]code|invalid|not|must)|(cost[ _]code).*(line[ _]item[ _]type|category)/i,
		message: 'the cost code does not have that category',
		fix: 'Add the category (line item type) to the cost code in the project\'s budget setup, or pick a milestone from "Milestone: Get Many", which lists only cost code + category pairs that exist.',
	},
	{
		status: ['422', '400'],
		test: /cost[ _]code/i,
		message: 'the cost code is not available on this project',
		fix: 'Pick a cost code of this project (Resource "Cost Code", Get Many), or add the cost code to the project in Procore.',
	},
	{
		status: ['422', '400', '403'],
		test: /(project).*(inactive|archived|closed|not active)|(inactive|archived) project/i,
		message: 'the project is inactive',
		fix: 'Reactivate the project in Procore (Project Admin > Active), or switch it off in the sync so clock-ins cannot pick it.',
	},
	{
		status: ['422', '400'],
		test: /wbs/i,
		message: 'the WBS code is not valid here',
		fix: 'Pick a WBS code of this project (Resource "WBS Code", Get Many) and send it without a cost code and category.',
	},
	{
		status: ['422', '400'],
		test: /(time_in|time_out|lunch|start time|stop time)/i,
		message: 'the start/stop time does not fit the project\'s timesheet settings',
		fix: 'If the project\'s timesheets take total hours, set Time Entry Mode to "Hours"; otherwise give a time in before the time out, with lunch shorter than the shift.',
	},
	{
		status: ['422', '400'],
		test: /hours/i,
		message: 'the hours do not fit the project\'s timesheet settings',
		fix: 'If the project\'s timesheets take start and stop times, set Time Entry Mode to "Start and Stop Time". Hours must be between 0 and 24 per entry.',
	},
	{
		status: ['403'],
		test: /.*/,
		message: 'the Timesheets tool is disabled, or the connected user lacks Admin on the company Timecard tool',
		fix: 'In Procore, enable the company Timecard/Timesheets tool (Company Admin > Tool Settings) and give the connected user or service account Admin on it (Company Directory > the user > Permissions > Timecard: Admin). Procore needs Admin to create or change timecard entries.',
	},
];

const EXPLAINED = 'Procore refused the timecard entry';

/** Rewrites a Procore error from a timecard call into a foreman's terms (unchanged if not recognised). */
export function explainTimecardError<T extends Error>(error: T): T {
	if (!(error instanceof NodeApiError) || error.message.startsWith(EXPLAINED)) return error;
	const status = String(error.httpCode ?? '');
	const text = error.message.replace(/^Procore: /, '');
	const rule = RULES.find((r) => r.status.includes(status) && r.test.test(text));
	if (!rule) return error;
	error.message = `${EXPLAINED}: ${rule.message} (Procore said: ${text})`;
	error.description = rule.fix;
	return error;
}

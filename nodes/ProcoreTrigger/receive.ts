import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { ProcoreWebhookEvent } from '../Procore/helpers/webhookEvent';
import { parseWebhookEvent } from '../Procore/helpers/webhookEvent';
import { CREDENTIAL_TYPE, parseJsonPreservingBigIds } from '../Procore/transport';
import { setUpPendingProjects } from './allProjects';
import type { TriggerConfig } from './config';
import { PROJECTS_RESOURCE, readConfig } from './config';
import { seenBefore } from './dedupe';
import type { FetchScope } from './fetchRecord';
import { fetchRecord, writtenByN8n } from './fetchRecord';
import type { ProjectChange } from './projectEvents';
import { onProjectEvent } from './projectEvents';
import { mergeJournal } from './projectJournal';
import { acceptedHashes, isAuthorized, registrationKey } from './secret';
import type { TriggerState } from './staticData';

/**
 * Receiving a delivery. Procore counts a delivery as failed unless a 2xx arrives within 5 seconds,
 * and a failure pauses every later delivery to this URL, so the acknowledgement never waits on
 * Procore:
 * - by default webhook() does only local work (secret check, parse, dedupe, loop guard by
 *   metadata) and n8n answers 200 as soon as the execution is queued;
 * - when it must call Procore (Fetch Full Record, or an All Projects "Projects" event that adds or
 *   removes a project hook) it answers 200 itself through the response object first, then calls
 *   Procore, then hands the item to n8n (`noWebhookResponse` tells n8n the answer was sent). If
 *   that call fails, the item still runs with `record_error`; the event is never lost to a slow fetch.
 *   All Projects projects still waiting for their hook (pendingProjects) are set up the same way,
 *   after the answer, for a bounded time per delivery.
 */
function readEvent(ctx: IWebhookFunctions): IDataObject | undefined {
	const req = ctx.getRequestObject();
	const rawBody = (req as { rawBody?: Buffer | string }).rawBody;
	// The raw text keeps 19-digit event ids exact; the parsed body would already have rounded them.
	let parsed: unknown;
	if (rawBody !== undefined && rawBody.length) {
		try {
			parsed = parseJsonPreservingBigIds(rawBody.toString());
		} catch {
			return undefined;
		}
	} else {
		parsed = ctx.getBodyData();
	}
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
}

function reply(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/** A 200 that starts no execution (duplicates and ignored events: Procore must not retry them). */
function acknowledgeOnly(acknowledged: boolean, ctx: IWebhookFunctions, reason: string): IWebhookResponseData {
	return acknowledged ? { noWebhookResponse: true } : reply(ctx, 200, { received: true, ignored: reason });
}

async function ownClientId(ctx: IWebhookFunctions): Promise<string> {
	try {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		return String(credentials.clientId ?? '');
	} catch {
		return '';
	}
}

/** The trigger's company, and the projects it listens to (its project, or those it has hooks in). */
function fetchScope(state: TriggerState): FetchScope {
	const [kind, id] = String(state.scopeKey ?? '').split(':');
	return {
		companyId: String(state.companyId ?? ''),
		projectAllowed: (projectId) =>
			kind === 'project' ? projectId === id : kind === 'allProjects' ? Boolean(state.projectHooks?.[projectId]) : kind === 'company',
	};
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const headers = this.getHeaderData();
	if (!isAuthorized(headers.authorization, acceptedHashes(state))) {
		return reply(this, 401, { error: 'Unauthorized' });
	}
	const raw = readEvent(this);
	if (!raw) return reply(this, 400, { error: 'Expected one Procore webhook event as a JSON object' });
	const event: ProcoreWebhookEvent = parseWebhookEvent(raw);
	const dedupeScope = registrationKey(this, state);
	if (seenBefore(state, event.dedupe_key, Date.now(), dedupeScope)) return acknowledgeOnly(false, this, 'duplicate delivery');

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const ignoreOwnChanges = options.ignoreOwnChanges !== false;
	if (ignoreOwnChanges && event.source_application_id) {
		const clientId = await ownClientId(this);
		if (clientId && clientId === event.source_application_id) return acknowledgeOnly(false, this, 'own change');
	}

	const scope = this.getNodeParameter('scope', 'project') as string;
	const resources = this.getNodeParameter('resources', []) as string[];
	if (scope === 'allProjects') mergeJournal(this, state);
	const isProjectEvent = scope === 'allProjects' && event.resource_name === PROJECTS_RESOURCE;
	const setsUpWaitingProjects = scope === 'allProjects' && Boolean(state.pendingProjects?.length);
	const wantsFetch = options.fetchRecord !== false;
	let acknowledged = false;
	if (isProjectEvent || wantsFetch || setsUpWaitingProjects) {
		this.getResponseObject().status(200).json({ received: true });
		acknowledged = true;
	}

	const output: IDataObject = { ...event };
	// Read once for the hook work below (it may decrypt the credential for the company id).
	let config: TriggerConfig | undefined;
	const configOnce = async () => (config ??= await readConfig(this));
	if (isProjectEvent) {
		let change: ProjectChange | 'failed' = 'failed';
		try {
			change = await onProjectEvent(this, await configOnce(), state, String(state.webhookUrl ?? ''), event.resource_id, event.event_type);
		} catch (error) {
			this.logger.error(`Procore Trigger: could not update the hook of project ${event.resource_id}: ${(error as Error).message}`);
		}
		output.project_hook_change = change;
	}
	if (setsUpWaitingProjects) {
		try {
			const { setUp, left } = await setUpPendingProjects(this, await configOnce(), state, String(state.webhookUrl ?? ''));
			if (setUp) this.logger.info(`Procore Trigger: ${setUp} waiting project(s) got their hook; ${left} still waiting`);
		} catch (error) {
			this.logger.error(`Procore Trigger: could not set up waiting projects: ${(error as Error).message}`);
		}
	}
	// A management event: it becomes an item only when the user listens to Projects too.
	if (isProjectEvent && !resources.includes(PROJECTS_RESOURCE)) return acknowledgeOnly(acknowledged, this, 'project hook management');

	if (wantsFetch) {
		const { record, recordError } = await fetchRecord(this, event, fetchScope(state));
		if (ignoreOwnChanges && event.event_type === 'create' && writtenByN8n(record, this.getInstanceId())) {
			return acknowledgeOnly(acknowledged, this, 'record created by n8n');
		}
		if (record) output.record = record;
		if (recordError) output.record_error = recordError;
	}

	const workflowData = [this.helpers.returnJsonArray(output)];
	return acknowledged ? { noWebhookResponse: true, workflowData } : { workflowData };
}

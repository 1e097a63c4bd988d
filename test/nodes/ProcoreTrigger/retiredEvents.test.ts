/**
 * Procore retired `update` on Project Users and Project Vendors (2026-06-30, procore-api.md §2.5):
 * the trigger never asks for those pairs, keeps publishing the rest, removes one an earlier
 * version subscribed, and tells the user on the panel and in errors.
 */
import type { IDataObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { readFileSync } from 'fs';
import nock from 'nock';
import * as path from 'path';

import { ProcoreTrigger } from '../../../nodes/ProcoreTrigger/ProcoreTrigger.node';
import { RETIRED_EVENTS } from '../../../nodes/ProcoreTrigger/retiredEvents';
import type { TriggerState } from '../../../nodes/ProcoreTrigger/staticData';
import { FakeWebhooksApi } from '../../helpers/fakeWebhooksApi';
import { createHookContext, WEBHOOK_URL } from '../../helpers/triggerContext';

const node = new ProcoreTrigger();
const methods = node.webhookMethods.default;
const pairs = (triggers: Array<{ resource_name: string; event_type: string }>) =>
	triggers.map((t) => `${t.resource_name} ${t.event_type}`).sort();

function params(extra: IDataObject): IDataObject {
	return {
		company: { __rl: true, mode: 'id', value: '4264807' },
		scope: 'project',
		project: { __rl: true, mode: 'id', value: '101' },
		resources: ['Project Vendors', 'Project Users', 'RFIs'],
		events: ['create', 'update'],
		payloadVersion: 'v2.0',
		options: {},
		...extra,
	};
}

function setup(extra: IDataObject = {}, staticData: IDataObject = {}) {
	const requests: IHttpRequestOptions[] = [];
	const logs: string[] = [];
	const ctx = createHookContext({ parameters: params(extra), staticData, requests, logs });
	return { ctx, requests, logs, state: staticData as TriggerState };
}

let fake: FakeWebhooksApi;
beforeEach(() => {
	fake = new FakeWebhooksApi();
	fake.install();
});
afterEach(() => nock.cleanAll());

describe('Procore Trigger: events Procore retired', () => {
	it('the table names both pairs in Procore\'s words, with the date and what to use instead', () => {
		expect(RETIRED_EVENTS.map((r) => `${r.resource_name} ${r.event_type} ${r.since}`)).toEqual([
			'Project Users update 2026-06-30',
			'Project Vendors update 2026-06-30',
		]);
		expect(RETIRED_EVENTS.map((r) => r.instead)).toEqual([
			expect.stringContaining('Company Users update'),
			expect.stringContaining('Company Vendors update'),
		]);
	});

	it('docs/procore-trigger.md lists exactly the table\'s pairs', () => {
		const doc = readFileSync(path.join(__dirname, '../../../docs/procore-trigger.md'), 'utf8');
		const section = doc.slice(doc.indexOf('## Events Procore retired'), doc.indexOf('## Lifecycle'));
		const rows = section.split('\n').filter((l) => /^\| (?!Resource|---)/.test(l));
		expect(rows).toEqual(RETIRED_EVENTS.map((r) => `| ${r.resource_name} | ${r.event_type} | ${r.since} | ${r.instead.replace(' (Scope: Whole Company)', '')} |`));
	});

	it('One Project: publishing subscribes every chosen pair but Project Users / Project Vendors update, and logs why', async () => {
		const { ctx, logs, state } = setup();
		expect(await methods.create.call(ctx)).toBe(true);
		const [hook] = fake.hooksIn('101');
		expect(pairs(hook.triggers)).toEqual([
			'Project Users create',
			'Project Vendors create',
			'RFIs create',
			'RFIs update',
		]);
		expect(state.triggerIds).toHaveLength(4);
		expect(logs.join('\n')).toContain('Procore stopped "Project Vendors" update events on 2026-06-30; use Company Vendors update');
	});

	it('All Projects (the COI template\'s choice): each project hook gets create/update of the contracts and Project Vendors create only', async () => {
		fake.addProjects(2);
		const { ctx } = setup({
			scope: 'allProjects',
			projectStatus: 'active',
			projectIds: '',
			resources: ['Projects', 'Work Order Contracts', 'Purchase Order Contracts', 'Project Vendors'],
		});
		expect(await methods.create.call(ctx)).toBe(true);
		for (const id of ['1001', '1002']) {
			const [hook] = fake.hooksIn(id);
			expect(pairs(hook.triggers)).toEqual([
				'Project Vendors create',
				'Purchase Order Contracts create',
				'Purchase Order Contracts update',
				'Work Order Contracts create',
				'Work Order Contracts update',
			]);
		}
	});

	it('a hook an earlier version gave Project Vendors update loses that trigger on the next publish', async () => {
		const old = fake.seedHook({
			projectId: '101',
			destination_url: WEBHOOK_URL,
			triggers: [
				{ id: '1', resource_name: 'Project Vendors', event_type: 'create' },
				{ id: '2', resource_name: 'Project Vendors', event_type: 'update' },
			],
		});
		const { ctx, state } = setup({ resources: ['Project Vendors'] });
		await methods.create.call(ctx);
		expect(state.hookId).toBe(old.id);
		expect(pairs(old.triggers)).toEqual(['Project Vendors create']);
		expect(state.triggerIds).toEqual(['1']);
	});

	it('only retired pairs chosen: publishing fails before any call, naming the pair and the company-scope event to use', async () => {
		const { ctx, requests } = setup({ resources: ['Project Vendors'], events: ['update'] });
		const error = await methods.create.call(ctx).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe('Procore no longer sends the events chosen');
		expect(error?.description).toContain('Procore stopped "Project Vendors" update events on 2026-06-30; use Company Vendors update (Scope: Whole Company)');
		expect(requests).toHaveLength(0);
	});

	it('the panel shows a notice exactly when a retired pair is chosen', () => {
		const notice = node.description.properties.find((p) => p.name === 'retiredEventsNotice') as INodeProperties;
		expect(notice.type).toBe('notice');
		for (const r of RETIRED_EVENTS) expect(notice.displayName).toContain(r.resource_name);
		expect(notice.displayName).toContain('2026-06-30');
		expect(notice.displayName).toContain('Whole Company');
		const shown = (resources: string[], events: string[]) =>
			NodeHelpers.displayParameter({ scope: 'allProjects', resources, events }, notice, null, node.description);
		expect(shown(['Projects', 'Project Vendors'], ['create', 'update'])).toBe(true);
		expect(shown(['Project Users'], ['update'])).toBe(true);
		expect(shown(['Project Vendors'], ['create', 'delete'])).toBe(false);
		expect(shown(['RFIs', 'Work Order Contracts'], ['update'])).toBe(false);
	});
});

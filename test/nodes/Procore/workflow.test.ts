/**
 * The Procore node inside real n8n-core workflow runs (fixtures beside this file): expressions per
 * item, pairing, "On Error: Continue", and which calls carry the company header.
 */
import nock from 'nock';
import path from 'path';

import type { IDataObject } from 'n8n-workflow';

import { HARNESS_PROCORE_CREDENTIALS, interceptProcore, runWorkflowFixture } from '../../harness';

const PROJECTS = path.join(__dirname, 'projects.workflow.json');
const COMPANIES = path.join(__dirname, 'companies.workflow.json');

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

const project = (c: { path: string }) => {
	const id = c.path.split('/').pop();
	return [200, { id: Number(id), name: `Project ${id}` }] as [number, unknown];
};

describe('a workflow with the Procore node', () => {
	it('resolves {{ $json.projectId }} per item and pairs each output with its input', async () => {
		const calls = interceptProcore('GET', /\/rest\/v1\.0\/projects\/\d+$/, project);
		const result = await runWorkflowFixture(PROJECTS);
		expect(calls.map((c) => c.path)).toEqual([
			'/rest/v1.0/projects/101',
			'/rest/v1.0/projects/202',
			'/rest/v1.0/projects/303',
		]);
		expect(calls.every((c) => c.query.get('company_id') === '4264807')).toBe(true);
		expect(result.outputOf('Get Project')).toEqual([
			{ json: { id: 101, name: 'Project 101' }, pairedItem: { item: 0 } },
			{ json: { id: 202, name: 'Project 202' }, pairedItem: { item: 1 } },
			{ json: { id: 303, name: 'Project 303' }, pairedItem: { item: 2 } },
		]);
		expect(result.outputOf('Done')).toHaveLength(3);
		expect(result.executionOrder).toEqual(["When clicking 'Execute workflow'", 'Get Project', 'Done']);
	});

	it('with On Error "Continue", one failed item becomes an error item paired to its input', async () => {
		interceptProcore('GET', /\/rest\/v1\.0\/projects\/\d+$/, (c) =>
			c.path.endsWith('/202') ? [404, { errors: 'Not Found' }] : project(c),
		);
		const result = await runWorkflowFixture(PROJECTS, {
			nodeSettings: { 'Get Project': { onError: 'continueRegularOutput' } },
		});
		const out = result.outputOf('Get Project');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json).toEqual({ id: 101, name: 'Project 101' });
		expect(out[2].json).toEqual({ id: 303, name: 'Project 303' });
		expect(out[1].json).toEqual({
			error: 'Procore: Not Found',
			description:
				'Procore found nothing at GET /rest/v1.0/projects/202. Check the record ID and the Project it belongs to; Procore also answers 404 when the user cannot see the record.',
			httpCode: '404',
		});
		expect(result.outputOf('Done')).toHaveLength(3);
	});

	it('with On Error "Continue (using error output)", the failed item goes to the error output with its reason', async () => {
		interceptProcore('GET', /\/rest\/v1\.0\/projects\/\d+$/, (c) =>
			c.path.endsWith('/202') ? [404, { errors: 'Not Found' }] : project(c),
		);
		const result = await runWorkflowFixture(PROJECTS, {
			nodeSettings: { 'Get Project': { onError: 'continueErrorOutput' } },
		});
		expect(result.outputOf('Get Project', 0).map((i) => i.json.id)).toEqual([101, 303]);
		const failed = result.outputOf('Get Project', 1);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(failed[0].json).toMatchObject({
			projectId: '202',
			error: 'Procore: Not Found',
			details: { httpCode: '404', description: expect.stringContaining('Procore found nothing at GET /rest/v1.0/projects/202') },
		});
	});

	it('pairs the error item even when other items return several records each', async () => {
		interceptProcore('GET', /\/rest\/v1\.0\/projects\/\d+\/rfis$/, (c) => {
			if (c.path.includes('/202/')) return [403, { errors: 'You do not have access to RFIs' }];
			return [200, c.path.includes('/101/') ? [{ id: 1 }, { id: 2 }] : [{ id: 3 }]];
		});
		const result = await runWorkflowFixture(path.join(__dirname, 'customApiCall.workflow.json'), {
			items: [{ json: { projectId: '101' } }, { json: { projectId: '202' } }, { json: { projectId: '303' } }],
			parameters: { Procore: { method: 'GET', path: '=/rest/v1.0/projects/{{ $json.projectId }}/rfis' } },
			nodeSettings: { Procore: { onError: 'continueRegularOutput' } },
		});
		expect(result.outputOf('Procore').map((i) => [i.pairedItem, i.json.id ?? i.json.error])).toEqual([
			[{ item: 0 }, 1],
			[{ item: 0 }, 2],
			[{ item: 1 }, 'Procore: You do not have access to RFIs'],
			[{ item: 2 }, 3],
		]);
	});

	it('without it, the run stops on the failing item with Procore\'s message', async () => {
		interceptProcore('GET', /\/rest\/v1\.0\/projects\/\d+$/, (c) =>
			c.path.endsWith('/202') ? [404, { errors: 'Not Found' }] : project(c),
		);
		const result = await runWorkflowFixture(PROJECTS);
		const error = result.errorOf('Get Project') as IDataObject;
		expect(error.message).toBe('Procore: Not Found');
		expect((error.context as IDataObject).itemIndex).toBe(1);
		expect(result.runData.Done).toBeUndefined();
	});

	it('rejects a project expression that does not yield an ID, naming the parameter', async () => {
		const calls = interceptProcore('GET', /.*/, project);
		const result = await runWorkflowFixture(PROJECTS, { items: [{ json: { projectId: 'Tower A' } }] });
		expect(calls).toHaveLength(0);
		expect((result.errorOf('Get Project') as IDataObject).message).toBe('Project "Tower A" is not a Procore ID');
	});
});

describe('the company header on the calls Procore exempts', () => {
	it('is absent on /companies for a user token', async () => {
		const calls = interceptProcore('GET', '/rest/v1.0/companies', () => [200, [{ id: 1, name: 'Acme', is_active: true }]]);
		const result = await runWorkflowFixture(COMPANIES);
		expect(result.outputOf('Companies')[0].json).toMatchObject({ id: 1, name: 'Acme' });
		expect(calls[0].headers).not.toHaveProperty('procore-company-id');
		expect(calls[0].headers.authorization).toBe('Bearer harness-access-token');
	});

	it('is sent by a service account, which gets its token from the credential\'s login host', async () => {
		const token = nock('https://login.procore.test')
			.post('/oauth/token', (body) => body.grant_type === 'client_credentials' && body.client_id === 'harness-client-id' && body.client_secret === 'harness-client-secret')
			.reply(200, { access_token: 'dmsa-token', token_type: 'bearer', expires_in: 5400 });
		const calls = interceptProcore('GET', '/rest/v1.0/companies', () => [200, [{ id: 4264807, name: 'Acme' }]]);
		const credentials = {
			procoreOAuth2Api: { ...HARNESS_PROCORE_CREDENTIALS, grantType: 'clientCredentials', oauthTokenData: undefined },
		};
		const result = await runWorkflowFixture(COMPANIES, { credentials: credentials as never });
		expect(result.outputOf('Companies')).toHaveLength(1);
		expect(token.isDone()).toBe(true);
		expect(calls[0].headers['procore-company-id']).toBe('4264807');
		expect(calls[0].headers.authorization).toBe('Bearer dmsa-token');
	});
});

/**
 * Options › Requested by an AI Agent: a plain Procore node that carries out an AI agent's write after a
 * person approved it (the MCP template) tags the record as an agent write, like the node's AI tool
 * variant does; without the option the tag has no `:agent`.
 */
import nock from 'nock';

import { parseAuditTag } from '../../../../nodes/Procore/helpers/write';
import { runProcoreNode } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';
const company = { __rl: true, mode: 'id', value: '4264807' };

function vendorCreate(options: Record<string, unknown>) {
	let sent: { vendor: { origin_data?: string } } | undefined;
	nock(API)
		.get('/rest/v1.0/vendors')
		.query(true)
		.reply(200, [])
		.post('/rest/v1.0/vendors', (b: { vendor: { origin_data?: string } }) => {
			sent = b;
			return true;
		})
		.reply(201, { id: 9, name: 'Acme Electric' });
	return {
		run: async () =>
			await runProcoreNode({
				parameters: { resource: 'vendor', operation: 'create', company, directory: 'company', name: 'Acme Electric', additionalFields: {}, options, output: 'raw' },
			}),
		sent: () => sent,
	};
}

describe('Options › Requested by an AI Agent', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('marks the written record as an agent write', async () => {
		const call = vendorCreate({ agentRequest: true });
		const [out] = await call.run();
		expect(call.sent()?.vendor.origin_data).toBe('n8n:instance-unit:wf-unit:exec-unit:Procore:agent');
		expect(out.json.audit_tag).toBe('n8n:instance-unit:wf-unit:exec-unit:Procore:agent');
		expect(parseAuditTag(call.sent()?.vendor.origin_data)).toMatchObject({ node: 'Procore', agent: true });
	});

	it('is off by default: the tag names the node and no agent', async () => {
		const call = vendorCreate({});
		await call.run();
		expect(call.sent()?.vendor.origin_data).toBe('n8n:instance-unit:wf-unit:exec-unit:Procore');
		expect(parseAuditTag(call.sent()?.vendor.origin_data)).toMatchObject({ node: 'Procore', agent: false });
	});

	it('shows in the preview what would be stored, writing nothing', async () => {
		nock(API).get('/rest/v1.0/vendors').query(true).reply(200, []);
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'create',
				company,
				directory: 'company',
				name: 'Acme Electric',
				additionalFields: {},
				options: { agentRequest: true, previewOnly: true },
			},
		});
		expect(out.json).toMatchObject({ preview: true, audit_tag: 'n8n:instance-unit:wf-unit:exec-unit:Procore:agent' });
		expect((out.json.request as { method: string }).method).toBe('POST');
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('the audit tag is not a change', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('an update lists only the fields asked for, though it sends the tag', async () => {
		let sent: { vendor: Record<string, unknown> } | undefined;
		nock(API)
			.get('/rest/v1.0/vendors/5')
			.query(true)
			.reply(200, { id: 5, name: 'Acme Electric', email_address: 'old@acme.test', origin_data: null })
			.patch('/rest/v1.0/vendors/5', (b: { vendor: Record<string, unknown> }) => {
				sent = b;
				return true;
			})
			.reply(200, { id: 5 });
		const [out] = await runProcoreNode({
			parameters: {
				resource: 'vendor',
				operation: 'update',
				company,
				directory: 'company',
				vendor: { __rl: true, mode: 'id', value: '5' },
				updateFields: { emailAddress: 'new@acme.test' },
				options: { agentRequest: true },
				output: 'raw',
			},
		});
		expect(sent?.vendor.origin_data).toBe('n8n:instance-unit:wf-unit:exec-unit:Procore:agent');
		expect(out.json.changes).toEqual([{ field: 'email_address', previous: 'old@acme.test', new: 'new@acme.test' }]);
		expect(out.json.summary).toBe('Updated vendor 5 "Acme Electric": email_address old@acme.test → new@acme.test');
	});
});

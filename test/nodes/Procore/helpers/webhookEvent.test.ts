import { parseJsonPreservingBigIds } from '../../../../nodes/Procore/transport';
import { parseWebhookEvent } from '../../../../nodes/Procore/helpers/webhookEvent';

const parse = (text: string) => parseWebhookEvent(parseJsonPreservingBigIds(text) as never);

describe('parseWebhookEvent: one output shape for payloads v2.0, v3.0 and v4.0', () => {
	it('v2.0: ulid is the dedupe key, numeric ids become strings, metadata is read', () => {
		const event = parse(
			'{"id":5982324300946918154,"ulid":"01HZX0V6Q2JQ8A6C7F1M3K9T2B","timestamp":"2026-05-01T12:00:00.123456Z","metadata":{"source_user_id":null,"source_company_id":null,"source_project_id":null,"source_operation_id":"op-1","source_application_id":"app-9"},"user_id":111,"company_id":222,"project_id":333,"api_version":"v2.0","event_type":"create","resource_name":"Change Events","resource_id":444}',
		);
		expect(event).toMatchObject({
			event_id: '5982324300946918154',
			dedupe_key: '01HZX0V6Q2JQ8A6C7F1M3K9T2B',
			event_type: 'create',
			resource_name: 'Change Events',
			resource_id: '444',
			project_id: '333',
			company_id: '222',
			user_id: '111',
			payload_version: 'v2.0',
			related_resources: [],
			source_application_id: 'app-9',
			source_operation_id: 'op-1',
			source_user_id: '',
		});
	});

	it('v3.0: related resources are read with string ids', () => {
		const event = parse(
			'{"id":1,"ulid":"U3","timestamp":"t","user_id":1,"company_id":2,"project_id":3,"api_version":"v3.0","event_type":"update","resource_name":"Direct Cost Line Items","resource_id":55,"related_resources":[{"id":9007199254740993,"name":"Direct Costs"}]}',
		);
		expect(event.payload_version).toBe('v3.0');
		expect(event.related_resources).toEqual([{ id: '9007199254740993', name: 'Direct Costs' }]);
	});

	it('v4.0: reason and resource_type map to event_type and resource_name; the id is the dedupe key', () => {
		const event = parse(
			'{"id":"01J1V4ABCDEF","timestamp":"2026-05-01T12:00:00Z","reason":"update","company_id":"222","project_id":"333","user_id":"111","resource_type":"RFIs","resource_id":"444"}',
		);
		expect(event).toMatchObject({
			event_id: '01J1V4ABCDEF',
			dedupe_key: '01J1V4ABCDEF',
			event_type: 'update',
			resource_name: 'RFIs',
			resource_id: '444',
			project_id: '333',
			payload_version: 'v4.0',
			source_application_id: '',
		});
	});

	it('company-level events have an empty project id', () => {
		const event = parse('{"id":1,"ulid":"U","company_id":2,"api_version":"v2.0","event_type":"update","resource_name":"Company Vendors","resource_id":7}');
		expect(event.project_id).toBe('');
		expect(event.company_id).toBe('2');
	});
});

/**
 * Issue 22, findings 1 and 7: which writes procoreRequest may send again when it does not know
 * whether Procore stored them. A PATCH that adds rows or files, and a POST answered 503 by something
 * other than Procore's "come back later" (no Retry-After), are sent once and reported as unknown.
 */
import nock from 'nock';

import { isWriteOutcomeUnknown, procoreRequest } from '../../../../nodes/Procore/transport';
import { addsRecords, isIdempotent, mayRetryStatus } from '../../../../nodes/Procore/transport/retry';
import { createExecuteContext } from '../../../helpers/executeContext';

const API = 'https://api.procore.test';

describe('which writes are idempotent', () => {
	it('a PATCH adding a nested row (no id) or a file is not; one changing rows by id is', () => {
		expect(isIdempotent('PATCH', { change_event: { change_event_line_items_attributes: [{ id: 5, estimated_cost_amount: '1.00' }, { description: 'new' }] } })).toBe(false);
		expect(isIdempotent('PATCH', { change_event: { change_event_line_items_attributes: [{ id: 5, estimated_cost_amount: '1.00' }] } })).toBe(true);
		expect(isIdempotent('PATCH', { change_event: { attachments_by_uuid: [{ upload_uuid: 'U-1' }] } })).toBe(false);
		expect(isIdempotent('PATCH', { rfi: { question: { upload_ids: ['U-1'], body: 'x' } } })).toBe(false);
		expect(isIdempotent('PUT', { attributes: { upload_ids: ['U-1'], attachment_ids: [5] } })).toBe(false);
		expect(isIdempotent('PATCH', { rfi: { subject: 'x' } })).toBe(true);
		expect(isIdempotent('POST', {})).toBe(false);
		expect(isIdempotent('DELETE', undefined)).toBe(true);
		expect(addsRecords({ rfi: { question: { upload_ids: [] } } })).toBe(false);
	});

	it('a POST is retried on 503 only with Retry-After; 429 always; 502/504 never', () => {
		expect(mayRetryStatus(false, 503, {})).toBe(false);
		expect(mayRetryStatus(false, 503, { 'retry-after': '2' })).toBe(true);
		expect(mayRetryStatus(false, 429, {})).toBe(true);
		expect(mayRetryStatus(false, 502, { 'retry-after': '2' })).toBe(false);
		expect(mayRetryStatus(true, 503, {})).toBe(true);
	});
});

describe('procoreRequest with an unknown outcome', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	const send = async (method: 'POST' | 'PATCH', path: string, body: object) =>
		await procoreRequest.call(createExecuteContext({ parameters: {} }), { method, path, body: body as never, companyId: '1', retry: { maxWaitMs: 5_000 } });

	it.each([[502], [504]])('a PATCH adding a Change Event line answered %s goes once and is reported as unknown', async (status) => {
		let sent = 0;
		nock(API).patch('/rest/v1.0/change_events/9').times(3).reply(() => (sent++, [status, 'Bad Gateway']));
		const error = await send('PATCH', '/rest/v1.0/change_events/9', { change_event: { change_event_line_items_attributes: [{ description: 'Crew' }] } }).catch((e) => e);
		expect(sent).toBe(1);
		expect(isWriteOutcomeUnknown(error)).toBe(true);
		expect(error.description).toMatch(/may or may not have been written/);
	});

	it('a PATCH adding a line whose connection resets goes once', async () => {
		let sent = 0;
		nock(API).patch('/rest/v1.0/change_events/9').times(3).reply((_uri, _body, done) => {
			sent++;
			done(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
		});
		const error = await send('PATCH', '/rest/v1.0/change_events/9', { change_event: { change_event_line_items_attributes: [{ description: 'Crew' }] } }).catch((e) => e);
		expect(sent).toBe(1);
		expect(isWriteOutcomeUnknown(error)).toBe(true);
	});

	it('an RFI create answered 503 without Retry-After (a proxy that may have forwarded it) goes once: finding 7', async () => {
		let sent = 0;
		nock(API).post('/rest/v1.0/projects/1/rfis').times(3).reply(() => (sent++, [503, 'Service Unavailable']));
		const error = await send('POST', '/rest/v1.0/projects/1/rfis', { rfi: { subject: 'Embed plates' } }).catch((e) => e);
		expect(sent).toBe(1);
		expect(isWriteOutcomeUnknown(error)).toBe(true);
		expect(error.description).toMatch(/may or may not have been written/);
	});

	it('an RFI create answered 503 with Procore\'s Retry-After is retried and succeeds', async () => {
		nock(API).post('/rest/v1.0/projects/1/rfis').reply(503, { error: 'Maintenance' }, { 'Retry-After': '0' }).post('/rest/v1.0/projects/1/rfis').reply(201, { id: 77 });
		const response = await send('POST', '/rest/v1.0/projects/1/rfis', { rfi: { subject: 'Embed plates' } });
		expect(response.body).toEqual({ id: 77 });
	});
});

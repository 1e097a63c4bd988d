/**
 * Issue #27: what the node asks of n8n per item. In a real n8n every getNodeParameter of an
 * expression runs it in an isolate and every getCredentials decrypts the credential; the profile
 * of the bench's 500-item run put those two above the HTTP Request node's cost. These counts fail
 * if a change reads the same ID twice per item or the credential on every request again.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import nock from 'nock';

import { Procore } from '../../../nodes/Procore/Procore.node';
import { createExecuteContext } from '../../helpers/executeContext';

const API = 'https://api.procore.test';
const ITEMS = 3;

function counted(ctx: IExecuteFunctions) {
	const reads: Record<string, number> = {};
	let credentials = 0;
	const getNodeParameter = ctx.getNodeParameter.bind(ctx) as (...a: unknown[]) => unknown;
	const getCredentials = ctx.getCredentials.bind(ctx);
	Object.assign(ctx, {
		getNodeParameter: (name: string, ...rest: unknown[]) => {
			reads[name] = (reads[name] ?? 0) + 1;
			return getNodeParameter(name, ...rest);
		},
		getCredentials: async (type: string) => {
			credentials++;
			return await getCredentials(type);
		},
	});
	return { reads, credentials: () => credentials };
}

describe('per-item cost: Project › Get with the project from each item', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('reads the project once per item and the credential once per run', async () => {
		const ids = ['101', '102', '103'];
		for (const id of ids) nock(API).get(`/rest/v1.0/projects/${id}`).query(true).reply(200, { id: Number(id), name: `P${id}` });
		const parameters = { resource: 'project', operation: 'get', company: { __rl: true, mode: 'id', value: '4264807' }, output: 'raw' };
		const ctx = createExecuteContext({
			parameters: { ...parameters, __perItem: ids.map((id) => ({ ...parameters, project: { __rl: true, mode: 'id', value: id } })) },
			items: ids.map((id) => ({ json: { id } })),
		});
		const count = counted(ctx);
		const [out] = await new Procore().execute.call(ctx);
		expect(out.map((o) => o.json.name)).toEqual(['P101', 'P102', 'P103']);
		// Once by the required-parameter check, reused by the operation (was twice per item).
		expect(count.reads.project).toBe(ITEMS);
		// The API host and token are read once for the run (was twice per request).
		expect(count.credentials()).toBe(1);
	});

	it('a project that resolves to nothing still fails naming the field', async () => {
		const parameters = { resource: 'project', operation: 'get', company: { __rl: true, mode: 'id', value: '4264807' }, project: { __rl: true, mode: 'id', value: '' }, output: 'raw' };
		const error = await new Procore().execute.call(createExecuteContext({ parameters })).catch((e: Error) => e);
		expect((error as Error).message).toBe('Project is required');
	});
});

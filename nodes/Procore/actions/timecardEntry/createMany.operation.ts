import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OutputSpec } from '../../helpers/output';
import { forOperation } from '../operationSelector';
import type { EntryResult } from './bulk';
import { COMPANY_BULK_DEFAULT, PROJECT_BULK_MAX } from './bulk';
import { runBatch } from './batch';
import { TIMECARD_FIELDS } from './fields';
import { readEntry, readIdListOption } from './input';
import { entryParameters } from './parameters';
import { personName } from './preflight';

const bulkOptions: INodeProperties[] = [
	{
		displayName: 'Bulk Endpoint',
		name: 'endpoint',
		type: 'options',
		options: [
			{
				name: 'Project Bulk Create (v1.1)',
				value: 'project',
				description: `Up to ${PROJECT_BULK_MAX} entries per call, one transaction; takes cost code + category or WBS code`,
			},
			{
				name: 'Company Timesheets (v1.0)',
				value: 'company',
				description: 'Entries of several projects per call; takes a cost code but no category or WBS code',
			},
		],
		default: 'project',
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: COMPANY_BULK_DEFAULT,
		description: `Entries per call to the company endpoint (Procore states no maximum; ${COMPANY_BULK_DEFAULT} is safe). The project endpoint always sends at most ${PROJECT_BULK_MAX}.`,
	},
];

export const description: INodeProperties[] = forOperation('timecardEntry', 'createMany', entryParameters(bulkOptions));

function summary(result: EntryResult, name: string, preview: boolean): string {
	const e = result.planned.entry;
	const amount = e.hours ? `${String(e.hours)} h` : `${String(e.time_in)} to ${String(e.time_out)}`;
	const what = `timecard entry for ${name} on ${String(e.date)} (${amount})`;
	if (preview) return `Would ${result.status === 'preview' && result.changes?.length ? 'update' : 'create'} ${what}`;
	if (result.status === 'existing') return `Already in Procore: ${what}; nothing written`;
	return `${result.status === 'updated' ? 'Updated' : 'Created'} ${what}`;
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	assertRequired: (itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	return await runBatch(
		this,
		items,
		(i) => {
			const endpoint = this.getNodeParameter('options.endpoint', i, 'project') as 'project' | 'company';
			return {
				target: endpoint,
				chunkSize: Number(this.getNodeParameter('options.batchSize', i, COMPANY_BULK_DEFAULT)),
				onExisting: this.getNodeParameter('options.onExisting', i, 'skip') as 'skip' | 'update',
				check: this.getNodeParameter('options.checkBeforeWrite', i, true) as boolean,
				synced: readIdListOption(this, this.getNodeParameter('options.syncedProjectIds', i, ''), 'Synced Project IDs', i),
			};
		},
		async (i, settings) => {
			const input = readEntry(this, i);
			if (settings.options.target === 'company' && (input.entry.line_item_type_id || input.entry.wbs_code_id)) {
				throw new NodeOperationError(this.getNode(), 'The company Timesheets endpoint takes no category or WBS code', {
					description: 'Set Options > Bulk Endpoint to "Project Bulk Create (v1.1)", or charge the time to a cost code only.',
					itemIndex: i,
				});
			}
			if (settings.options.target === 'company' && input.originId && !/^\d+$/.test(input.originId)) {
				throw new NodeOperationError(this.getNode(), `The company Timesheets endpoint takes only numeric origin IDs, not "${input.originId}"`, {
					description: 'Procore types origin_id as an integer on that endpoint. Set Options > Bulk Endpoint to "Project Bulk Create (v1.1)", which takes any origin ID, or leave Origin ID empty.',
					itemIndex: i,
				});
			}
			let name = `worker ${input.partyId}`;
			if (settings.preflight) {
				await settings.preflight.project(input.projectId, i);
				name = personName(await settings.preflight.worker(input.projectId, input.partyId, i), input.partyId);
				if (input.ref) await settings.preflight.milestone(input.projectId, input.ref, i);
			}
			return {
				entries: [{ projectId: input.projectId, entry: input.entry, originId: input.originId }],
				output: (results: EntryResult[], preview: boolean) => {
					const result = results[0];
					// The written record, as Get returns it (the router shapes it by Output), plus summary.
					return {
						...(result.record ?? { ...result.planned.entry, project_id: input.projectId }),
						summary: summary(result, name, preview),
						...(result.status === 'existing' ? { skipped: true } : {}),
						...(result.changes?.length ? { changes: result.changes } : {}),
					} as IDataObject;
				},
			};
		},
		assertRequired,
	);
}

export const output: OutputSpec = { fields: TIMECARD_FIELDS };

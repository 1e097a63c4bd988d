import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toProcoreId } from '../../helpers/context';
import { procoreWrite } from '../../helpers/write';
import type { KindSpec } from './kinds';
import type { Scope } from './records';
import { getChangeOrder } from './records';

/**
 * PATCH of one change order's header through procoreWrite (preview, audit tag, previous → new).
 * The current record is read first: it gives the diff, and PCO updates must repeat its contract.
 */
export async function updateChangeOrder(
	ctx: IExecuteFunctions,
	s: Scope,
	kind: KindSpec,
	id: string,
	fields: IDataObject,
	sentence?: (previous: IDataObject, record: IDataObject, preview: boolean) => string,
): Promise<IDataObject> {
	const current = await getChangeOrder(ctx, s, kind, id);
	const body: IDataObject = kind.contractOutside
		? {
				project_id: toProcoreId(s.projectId),
				...(current.contract_id !== undefined && current.contract_id !== null ? { contract_id: current.contract_id } : {}),
				change_order: fields,
			}
		: { change_order: fields };
	return await procoreWrite.call(ctx, {
		itemIndex: s.itemIndex,
		action: 'update',
		recordLabel: kind.label,
		request: { method: 'PATCH', path: kind.itemPath(s.projectId, id), qs: kind.scopeQuery(s.projectId), body, companyId: s.companyId },
		wrapperKey: 'change_order',
		auditField: kind.auditField,
		previous: current,
		summarize: sentence ? (record, _changes, preview) => sentence(current, { ...current, ...record }, preview) : undefined,
	});
}

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { pickFromList, recordLocator } from '../common.descriptions';
import { STATUSES } from './kinds';

const TYPE_OPTIONS = [
	{ name: 'Change Order Package', value: 'changeOrderPackage', description: 'Groups change orders on one contract (every tier setting has packages)' },
	{ name: 'Commitment Change Order', value: 'commitmentChangeOrder', description: 'CCO: the change to a subcontract or purchase order' },
	{ name: 'Potential Change Order', value: 'potentialChangeOrder', description: 'PCO: exists when the contract type uses 2 or 3 change order tiers' },
	{ name: 'Prime Contract Change Order', value: 'primeChangeOrder', description: 'PCCO: the change to the owner\'s prime contract' },
];

export const changeOrderTypeParameter: INodeProperties = {
	displayName: 'Change Order Type',
	name: 'changeOrderType',
	type: 'options',
	options: TYPE_OPTIONS,
	default: 'potentialChangeOrder',
	description: 'Which of Procore\'s change orders. The tier setting of the contract type (1, 2 or 3 tiers) decides which exist.',
};

/** Create From Change Event: packages take no lines of their own, so they are not offered. */
export const createTypeParameter: INodeProperties = {
	...changeOrderTypeParameter,
	options: TYPE_OPTIONS.filter((o) => o.value !== 'changeOrderPackage'),
};

export const changeOrderLocator: INodeProperties = recordLocator({
	name: 'changeOrderId',
	displayName: 'Change Order',
	searchListMethod: 'searchChangeOrders',
	urlPattern: '(?:potential_change_orders|change_order_packages|commitment_change_orders|prime_change_orders|change_orders)/([0-9]+)',
	description: 'The change order of the chosen type. Pick it from the project\'s list, enter its ID, or paste its URL from Procore.',
});

export const contractLocator: INodeProperties = recordLocator({
	name: 'contract',
	displayName: 'Contract',
	searchListMethod: 'searchChangeOrderContracts',
	urlPattern: '(?:work_order_contracts|purchase_order_contracts|commitments|prime_contracts?)/([0-9]+)',
	description:
		'The contract the change order is on: a subcontract or purchase order for a commitment change order, the prime contract for a prime contract change order, either for a potential change order',
});

export const changeEventFilter = pickFromList('changeEvent', 'Change Event', 'searchChangeEvents', 'Only change orders made from this Change Event');
export const contractFilter = pickFromList('contract', 'Contract', 'searchChangeOrderContracts', 'Only change orders on this contract');

export const statusParameter: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: STATUSES,
	default: 'draft',
	description: 'Procore\'s change order status',
};

/** The header fields a person sets on a change order (create and update). */
export const headerFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The scope of the change, as the subcontractor or owner will read it' },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	{ displayName: 'Number', name: 'number', type: 'string', default: '', description: 'Empty: Procore numbers it' },
	{ displayName: 'Schedule Impact (Days)', name: 'scheduleImpact', type: 'number', default: 0 },
	{ ...statusParameter, default: 'draft' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

/** What Simplified keeps, most used first. */
export const CHANGE_ORDER_FIELDS = [
	'id',
	'number',
	'title',
	'status',
	'contract_id',
	'grand_total',
	'line_items_total',
	'origin_id',
	'reference',
	'updated_at',
];

/** Header fields of the panel → Procore's names (only those given). */
export function headerBody(f: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (f.title) body.title = String(f.title);
	if (f.description !== undefined && f.description !== '') body.description = String(f.description);
	if (f.status) body.status = String(f.status);
	if (f.number) body.number = String(f.number);
	if (f.dueDate) body.due_date = String(f.dueDate).slice(0, 10);
	if (f.scheduleImpact !== undefined && f.scheduleImpact !== '' && f.scheduleImpact !== null) body.schedule_impact_amount = Math.round(Number(f.scheduleImpact));
	return body;
}

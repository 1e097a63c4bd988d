import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { getManyOperation, getOperation } from '../shared/readOperations';
import * as close from './close.operation';
import * as create from './create.operation';
import { punchItemRead } from './read';
import * as update from './update.operation';

const get = getOperation(punchItemRead);
const getAll = getManyOperation(punchItemRead);

export const punchItem: ProcoreResource = {
	option: {
		name: 'Punch Item',
		value: 'punchItem',
		description: 'Items of a project\'s punch list: work to finish or fix before closeout, with assignees and ball in court',
	},
	description: [
		operationSelector(
			'punchItem',
			[
				{ name: 'Close', value: 'close', action: 'Close a punch item', description: 'Close a punch item (an item already closed is left as it is)' },
				{
					name: 'Create',
					value: 'create',
					action: 'Create a punch item',
					description: 'Create a punch item in a project with its location, trade, assignees, due date and photos from binary data; an item with the same name at the same location is not created twice',
				},
				{ name: 'Get', value: 'get', action: 'Get a punch item', description: 'Get one punch item by ID, with its status, ball in court, assignees, location and due date' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many punch items', description: 'List a project\'s punch items by status, assignee, location, trade, priority or last update' },
				{ name: 'Update', value: 'update', action: 'Update a punch item', description: 'Change fields of a punch item (assignees, workflow status, due date…) or attach more files' },
			],
			'getAll',
		),
		...create.description,
		...get.description,
		...getAll.description,
		...update.description,
		...close.description,
	],
	operations: { close, create, get, getAll, update },
};

import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as call from './call.operation';

/**
 * Every operation of Procore's REST catalog (2,636 in the April 2026 extract), picked by tool and
 * summary, with its fields typed from Procore's schema. The hand-built resources stay the way to
 * run the processes they know (idempotent creates, lookups by name); this covers the rest.
 */
export const apiOperation: ProcoreResource = {
	option: {
		name: 'API Operation',
		value: 'apiOperation',
		description: 'Any operation of Procore\'s REST catalog, chosen by tool, with typed fields, paging, preview and audit tag',
	},
	description: [
		operationSelector(
			'apiOperation',
			[
				{
					name: 'Run',
					value: 'call',
					action: 'Run a Procore API operation',
					description: 'Run any operation of Procore\'s REST catalog: pick the tool and the operation, fill its typed fields',
				},
			],
			'call',
		),
		...call.description,
	],
	operations: { call },
};

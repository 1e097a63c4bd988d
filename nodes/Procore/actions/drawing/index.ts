import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as getAll from './getAll.operation';
import * as getSets from './getSets.operation';

export const drawing: ProcoreResource = {
	option: {
		name: 'Drawing',
		value: 'drawing',
		description: 'Drawings of a project: the current set, every revision, and the drawing sets (Document › Download fetches their PDFs)',
	},
	description: [
		operationSelector(
			'drawing',
			[
				{ name: 'Get Many', value: 'getAll', action: 'Get many drawings', description: 'List drawing revisions: the current set, every revision, or one drawing set, by area, discipline or update; optionally one item per drawing with its revisions' },
				{ name: 'Get Many Sets', value: 'getSets', action: 'Get many drawing sets', description: 'List the project\'s drawing sets (Permit Set, Issued for Construction…) with their dates' },
			],
			'getAll',
		),
		...getAll.description,
		...getSets.description,
	],
	operations: { getAll, getSets },
};

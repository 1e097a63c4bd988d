import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const folder: ProcoreResource = {
	option: {
		name: 'Folder',
		value: 'folder',
		description: 'Folders of a project\'s or the company\'s Documents tool',
	},
	description: [
		operationSelector(
			'folder',
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Create a folder',
					description: 'Create a Documents folder (returns the existing one if the parent already has a folder of that name)',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many folders',
					description: 'List the folders of a project\'s or the company\'s Documents, at the top level or inside a folder, optionally with all sub-folders',
				},
			],
			'getAll',
		),
		...create.description,
		...getAll.description,
	],
	operations: { create, getAll },
};

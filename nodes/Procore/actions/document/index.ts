import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import * as attach from './attach.operation';
import * as download from './download.operation';
import * as getAll from './getAll.operation';
import * as upload from './upload.operation';

export const document: ProcoreResource = {
	option: {
		name: 'Document',
		value: 'document',
		description: 'Files: upload to the Documents tool, attach to records, download documents, drawings and specifications',
	},
	description: [
		operationSelector(
			'document',
			[
				{
					name: 'Attach to Record',
					value: 'attach',
					action: 'Attach files to a record',
					description:
						'Upload the item\'s binary files and attach them to a Change Event, RFI, Commitment, Observation, Compliance Document, or add them to Photos. Needs the project ID and the record ID.',
				},
				{
					name: 'Download',
					value: 'download',
					action: 'Download files',
					description:
						'Download Documents files (a folder, with its sub-folders, or one file), drawing revisions (PDF or PNG) or specification sections as binary data, one item per file',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many files',
					description: 'List Documents files, drawing revisions or specification sections (names, IDs, versions, dates) without downloading them',
				},
				{
					name: 'Upload',
					value: 'upload',
					action: 'Upload a file',
					description:
						'Upload the item\'s binary file to a project\'s (or the company\'s) Documents folder, as a new file or a new version of the file with the same name. Large files are sent in parts.',
				},
			],
			'upload',
		),
		...upload.description,
		...attach.description,
		...download.description,
		...getAll.description,
	],
	operations: { attach, download, getAll, upload },
};

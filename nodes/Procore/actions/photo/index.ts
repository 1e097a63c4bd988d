import type { ProcoreResource } from '../node.type';
import { operationSelector } from '../operationSelector';
import { getManyOperation, getOperation } from '../shared/readOperations';
import * as attach from './attach.operation';
import * as download from './download.operation';
import * as getAlbums from './getAlbums.operation';
import { photoRead } from './read';
import * as upload from './upload.operation';

const get = getOperation(photoRead);
const getAll = getManyOperation(photoRead);

export const photo: ProcoreResource = {
	option: {
		name: 'Photo',
		value: 'photo',
		description: 'The project\'s Photos tool: albums and the photos in them (Procore\'s images and image categories)',
	},
	description: [
		operationSelector(
			'photo',
			[
				{ name: 'Attach to Record', value: 'attach', action: 'Attach a photo to a record', description: 'Attach a photo already in Photos to a punch item, RFI, change event or commitment, by its ID' },
				{ name: 'Download', value: 'download', action: 'Download a photo', description: 'Get a photo\'s file as binary data, with its record' },
				{ name: 'Get', value: 'get', action: 'Get a photo', description: 'Get one photo by ID, with its album, location, log date and links' },
				{ name: 'Get Albums', value: 'getAlbums', action: 'Get many photo albums', description: 'List the project\'s photo albums and how many photos each holds' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many photos', description: 'List a project\'s photos by album, log date, location, search words, or those added since a time' },
				{ name: 'Upload', value: 'upload', action: 'Upload photos', description: 'Add the item\'s binary files to Photos, one photo per file, in an album and location; a file name already in the album is not added twice' },
			],
			'getAll',
		),
		...attach.description,
		...download.description,
		...get.description,
		...getAlbums.description,
		...getAll.description,
		...upload.description,
	],
	operations: { attach, download, get, getAlbums, getAll, upload },
};

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCompanyId, getProjectId, normalizeId, toProcoreId } from '../../helpers/context';
import { binaryPropertyNames, binarySource } from '../../helpers/files/binary';
import { partBytesOf, partSizeOption, planUpload, uploadToProcore } from '../../helpers/files/upload';
import { idList, isoDay } from '../../helpers/filters';
import type { OutputSpec } from '../../helpers/output';
import { writeOptions } from '../../helpers/write';
import { procoreApiRequestAllItems } from '../../transport';
import { pickFromList, pickManyFromList, projectLocator } from '../common.descriptions';
import { forOperation } from '../operationSelector';
import { createPhotos, PHOTO_FIELDS } from './create';

export const description: INodeProperties[] = forOperation('photo', 'upload', [
	projectLocator,
	{
		displayName: 'Input Data Field Names',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'Names of the input binary fields holding the photos, separated by commas: one photo per file',
		placeholder: 'e.g. data, photo_2',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			pickFromList('albumId', 'Album', 'searchPhotoAlbums', 'The album to put the photos in (none: Procore\'s Unclassified)'),
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '' },
			pickFromList('locationId', 'Location', 'searchLocations', 'Where on site the photos were taken'),
			{ displayName: 'Log Date', name: 'logDate', type: 'dateTime', default: '', description: 'The daily log day the photos belong to' },
			{ displayName: 'Private', name: 'private', type: 'boolean', default: false, description: 'Whether only admins and the uploader can see the photos' },
			pickManyFromList('tradeIds', 'Trade Names or IDs', 'getTrades', 'Trades shown in the photos'),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			partSizeOption,
			{
				displayName: 'Upload Even If It Exists',
				name: 'allowDuplicate',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a photo whose file name is already in the album (or the project, without an album). Off: the existing photo is returned and the file is not uploaded again, so re-runs never duplicate.',
			},
			...writeOptions,
		],
	},
]);

/** The photo fields of Additional Fields, in Procore's names. */
function imageFields(ctx: IExecuteFunctions, f: IDataObject, i: number): IDataObject {
	const image: IDataObject = {};
	if (normalizeId(f.albumId)) image.image_category_id = toProcoreId(idList(ctx, f.albumId, 'Album', i)[0]);
	if (normalizeId(f.locationId)) image.location_id = toProcoreId(idList(ctx, f.locationId, 'Location', i)[0]);
	if (f.description) image.description = f.description;
	if (f.logDate) image.log_date = isoDay(ctx, f.logDate, 'Log Date', i);
	if (typeof f.private === 'boolean') image.private = f.private;
	const trades = idList(ctx, f.tradeIds, 'Trade Names or IDs', i);
	if (trades.length) image.trade_ids = trades.map(toProcoreId);
	return image;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const companyId = await getCompanyId(this, i);
	const projectId = getProjectId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const image = imageFields(this, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i);
	// Every binary field is checked before anything is read or uploaded.
	const sources = [];
	for (const name of binaryPropertyNames(this.getNodeParameter('binaryPropertyName', i))) sources.push(await binarySource(this, i, name));
	if (!sources.length) {
		throw new NodeOperationError(this.getNode(), 'Input Data Field Names is empty', {
			description: 'Enter the binary field that holds the photo (usually "data").',
			itemIndex: i,
		});
	}
	const preview = options.previewOnly === true;
	const partBytes = partBytesOf(options);
	const out: IDataObject[] = [];
	for (const source of sources) {
		if (!options.allowDuplicate) {
			const qs: IDataObject = { project_id: projectId, 'filters[query]': source.fileName };
			if (image.image_category_id !== undefined) qs.image_category_id = image.image_category_id;
			const found = await procoreApiRequestAllItems.call(this, { method: 'GET', path: '/rest/v1.0/images', qs, companyId, itemIndex: i });
			const existing = found.find((p) => String(p.filename ?? p.name ?? '').trim().toLowerCase() === source.fileName.trim().toLowerCase());
			if (existing) {
				out.push({ ...existing, summary: `Photo ${String(existing.id)} "${source.fileName}" is already in ${image.image_category_id ? 'the album' : 'the project\'s Photos'}; nothing uploaded`, skipped: true });
				continue;
			}
		}
		const upload = preview ? { ...planUpload(source, { partBytes }), uuid: `(upload of ${source.fileName})` } : await uploadToProcore(this, i, { companyId, projectId }, source, { partBytes });
		out.push(...(await createPhotos(this, i, { companyId, projectId, image, uploads: [{ uuid: upload.uuid, fileName: upload.fileName }] })));
	}
	return out;
}

export const output: OutputSpec = { fields: PHOTO_FIELDS };

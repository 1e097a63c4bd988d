import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeId } from '../../helpers/context';
import { isoDay, sinceRange } from '../../helpers/filters';
import { pickFromList, recordLocator } from '../common.descriptions';
import { projectQuery } from '../shared/path';
import type { ReadSpec } from '../shared/readOperations';
import { PHOTO_FIELDS } from './create';

export const photoLocator = recordLocator({
	name: 'photoId',
	displayName: 'Photo',
	searchListMethod: 'searchPhotos',
	// Procore's web app: /<project>/project/photos/image/<id> (older: /images/<id>).
	urlPattern: '(?:photos/image|images)/([0-9]+)',
});

export const albumLocator = (required: boolean) =>
	recordLocator({
		name: 'albumId',
		displayName: 'Album',
		searchListMethod: 'searchPhotoAlbums',
		urlPattern: 'image_categories/([0-9]+)',
		required,
		description: 'A photo album of the project (Procore\'s image category)',
	});

export const photoRead: ReadSpec = {
	resource: 'photo',
	label: 'Photo',
	projectScoped: true,
	listPath: '/rest/v1.0/images',
	itemPath: '/rest/v1.0/images/{id}',
	scopeQuery: projectQuery,
	idLocator: photoLocator,
	fields: PHOTO_FIELDS,
	filters: [
		pickFromList('albumId', 'Album', 'searchPhotoAlbums', 'Only the photos of this album'),
		{ displayName: 'Created Since', name: 'createdSince', type: 'dateTime', default: '', description: 'Only photos added to Procore at or after this time (e.g. the last run, to pick up new photos)' },
		{ displayName: 'Log Date From', name: 'logDateFrom', type: 'dateTime', default: '', description: 'Only photos of the daily log on or after this day' },
		{ displayName: 'Log Date To', name: 'logDateTo', type: 'dateTime', default: '', description: 'Only photos of the daily log on or before this day (empty: the Log Date From day only)' },
		pickFromList('locationId', 'Location', 'searchLocations', 'Only photos at this location or below it'),
		{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Words in the photo\'s file name or description' },
		{ displayName: 'Starred Only', name: 'starred', type: 'boolean', default: true, description: 'Whether to return only starred photos' },
		{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
	],
	buildFilters(ctx: IExecuteFunctions, f: IDataObject, i: number) {
		const qs: IDataObject = {};
		// Procore takes the album as a plain query parameter, not under filters[].
		if (normalizeId(f.albumId)) qs.image_category_id = normalizeId(f.albumId);
		if (normalizeId(f.locationId)) {
			qs['filters[location_id][]'] = normalizeId(f.locationId);
			qs['filters[include_sublocations]'] = true;
		}
		if (f.logDateTo && !f.logDateFrom) {
			throw new NodeOperationError(ctx.getNode(), 'Log Date To is set without Log Date From', {
				description: 'Set Log Date From too (the same day for one day only).',
				itemIndex: i,
			});
		}
		if (f.logDateFrom) {
			const start = isoDay(ctx, f.logDateFrom, 'Log Date From', i);
			const end = f.logDateTo ? isoDay(ctx, f.logDateTo, 'Log Date To', i) : start;
			if (end < start) {
				throw new NodeOperationError(ctx.getNode(), `Log Date To ${end} is before Log Date From ${start}`, {
					description: 'Swap the two dates, or leave Log Date To empty for one day.',
					itemIndex: i,
				});
			}
			qs['filters[log_date]'] = start === end ? start : `${start}...${end}`;
		}
		if (f.starred === true) qs['filters[starred]'] = true;
		if (f.search) qs['filters[query]'] = f.search;
		if (f.createdSince) qs['filters[created_at]'] = sinceRange(ctx, f.createdSince, i, 'Created Since');
		if (f.updatedSince) qs['filters[updated_at]'] = sinceRange(ctx, f.updatedSince, i);
		return qs;
	},
};

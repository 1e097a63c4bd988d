/**
 * Punch list and Photos of the tower project: punch item types, locations, trades, the people the
 * punch list offers (assignees, managers, final approvers), two punch items, two photo albums with
 * photos, and the project's permission templates (for adding people to the directory).
 */
import type { SeedWriter } from './context';
import { downloadUrl, PNG_1x1 } from './documents';
import type { SeedIds } from './ids';

export function seedPunchPhotos(
	w: SeedWriter,
	ids: Pick<SeedIds, 'projects' | 'users' | 'vendors'>,
): Pick<SeedIds, 'punchItemTypes' | 'locations' | 'trades' | 'punchItems' | 'photoAlbums' | 'photos' | 'permissionTemplates'> {
	const tower = ids.projects.tower;
	const c = w.rt.companyId;
	const typeKey = w.key('GET /rest/v1.0/punch_item_types', {}, { projectId: tower });
	const punchItemTypes = {
		paint: w.put(typeKey, { name: 'Paint' }).id as number,
		electrical: w.put(typeKey, { name: 'Electrical' }).id as number,
	};
	const locationKey = w.key('GET /rest/v1.0/projects/{project_id}/locations', { project_id: tower });
	const location = (name: string, parentId: number | null) =>
		w.put(locationKey, { name: name.split(' > ').pop(), node_name: name, parent_id: parentId, project_id: tower }).id as number;
	const level2 = location('Level 2', null);
	const locations = { level2, room204: location('Level 2 > Room 204', level2) };
	const tradeKey = w.key('GET /rest/v1.0/companies/{company_id}/trades', { company_id: c });
	const trades = {
		painting: w.put(tradeKey, { name: 'Painting', active: true }).id as number,
		electrical: w.put(tradeKey, { name: 'Electrical', active: true }).id as number,
	};
	const userRec = (id: number, name: string) => ({ id, name, login: `${name.toLowerCase().replace(/ /g, '.')}@granitepeak.example` });
	const people = [userRec(ids.users.pm, 'Dana Whitfield'), userRec(ids.users.superintendent, 'Marco Reyes'), userRec(ids.users.engineer, 'Priya Natarajan')];
	for (const route of [
		'GET /rest/v1.0/projects/{project_id}/punch_list_assignee_options',
		'GET /rest/v1.0/projects/{project_id}/available_punch_item_managers',
		'GET /rest/v1.0/projects/{project_id}/punch_list/available_final_approvers',
	]) {
		const key = w.key(route, { project_id: tower });
		for (const person of people) w.rt.store.collection(key).set(String(person.id), { ...person });
	}
	const punchKey = w.key('GET /rest/v1.1/punch_items', {}, { projectId: tower });
	const engineer = { id: ids.users.engineer, name: 'Priya Natarajan' };
	const punchItems = {
		doorFrame: w.put(
			punchKey,
			{
				name: 'Touch up paint at door 204 frame',
				description: 'Scuffs and bare spots on the hinge side',
				position: 1,
				status: 'Open',
				workflow_status: 'work_required',
				priority: 'medium',
				due_date: w.at(-7).slice(0, 10),
				location: { id: locations.room204, name: 'Level 2 > Room 204' },
				trade: { id: trades.painting, name: 'Painting' },
				punch_item_type: { id: punchItemTypes.paint, name: 'Paint' },
				assignees: [engineer],
				assignments: [{ id: w.id(), login_information: engineer, status: 'unresolved' }],
				ball_in_court: [engineer],
				private: false,
				project_id: tower,
			},
			3,
		).id as number,
		coverPlate: w.put(
			punchKey,
			{
				name: 'Missing cover plate at corridor outlet',
				position: 2,
				status: 'Closed',
				workflow_status: 'closed',
				priority: 'low',
				location: { id: locations.level2, name: 'Level 2' },
				trade: { id: trades.electrical, name: 'Electrical' },
				assignees: [],
				assignments: [],
				ball_in_court: [],
				closed_at: w.at(2),
				private: false,
				project_id: tower,
			},
			10,
		).id as number,
	};
	const albumKey = w.key('GET /rest/v1.0/image_categories', {}, { projectId: tower });
	const photoAlbums = {
		walkthrough: w.put(albumKey, { name: 'Level 2 walkthrough', private: false, count: 2, project_id: tower }).id as number,
		progress: w.put(albumKey, { name: 'Progress', private: false, count: 0, project_id: tower }).id as number,
	};
	const imageKey = w.key('GET /rest/v1.0/images', {}, { projectId: tower });
	const photo = (name: string, daysAgo: number, locationId: number) =>
		w.put(
			imageKey,
			{
				filename: name,
				description: '',
				image_category_id: photoAlbums.walkthrough,
				location_id: locationId,
				log_date: w.at(daysAgo).slice(0, 10),
				taken_at: w.at(daysAgo),
				url: downloadUrl(w, PNG_1x1, name, 'image/png'),
				thumbnail_url: downloadUrl(w, PNG_1x1, `thumb-${name}`, 'image/png'),
				private: false,
				starred: false,
				project_id: tower,
			},
			daysAgo,
		).id as number;
	const photos = { doorFrame: photo('door-204-frame.png', 3, locations.room204), corridor: photo('corridor-outlet.png', 2, locations.level2) };
	const templateKey = w.key('GET /rest/v1.0/projects/{project_id}/permission_templates', { project_id: tower });
	const permissionTemplates = {
		subcontractor: w.put(templateKey, { name: 'Subcontractor', project_specific: false }).id as number,
		projectManager: w.put(templateKey, { name: 'Project Manager', project_specific: false }).id as number,
	};
	return { punchItemTypes, locations, trades, punchItems, photoAlbums, photos, permissionTemplates };
}

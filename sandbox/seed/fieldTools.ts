/**
 * Inspections, meetings and drawing sets on the tower project: an inspection template with items
 * (so "create from template" has something to copy), one inspection with a failed item, one
 * meeting with categories and topics, and the two drawing sets the seeded revisions belong to.
 * Locations are the punch list's (seed/punchPhotos.ts).
 */
import type { SeedWriter } from './context';
import type { SeedIds } from './ids';

/** Where the sandbox keeps a project inspection template's items. */
export const templateItemsCollection = (templateKey: string, templateId: number | string) => `${templateKey}/${templateId}/items`;

type Base = Pick<SeedIds, 'projects' | 'users' | 'vendors' | 'drawingRevisions' | 'locations'>;

export function seedFieldTools(
	w: SeedWriter,
	ids: Base,
): Pick<
	SeedIds,
	'inspectionTypes' | 'inspectionTemplates' | 'inspections' | 'inspectionItems' | 'meetings' | 'meetingTopics' | 'drawingSets'
> {
	const tower = ids.projects.tower;
	const c = w.rt.companyId;

	const { locations } = ids;

	const typeKey = w.key('GET /rest/v1.0/companies/{company_id}/inspection_types', { company_id: c });
	const inspectionTypes = {
		quality: w.put(typeKey, { name: 'Quality', company_id: c, is_deletable: false }).id as number,
		safety: w.put(typeKey, { name: 'Safety', company_id: c, is_deletable: false }).id as number,
	};
	const typeRef = (id: number, name: string) => ({ id, name });

	const templateKey = w.key('GET /rest/v1.0/projects/{project_id}/checklist/list_templates', { project_id: tower });
	// Procore copies a template's items into each inspection created from it; the sandbox keeps
	// them beside the template (handlers/inspections.ts reads them).
	const templateItemsKey = (template: number) => templateItemsCollection(templateKey, template);
	const template = (name: string, type: number, typeName: string, items: string[]) => {
		const rec = w.put(templateKey, {
			name,
			description: `${name} checklist`,
			number: null,
			inspection_type: typeRef(type, typeName),
			trade: null,
			project_id: tower,
		});
		items.forEach((item, i) =>
			w.put(templateItemsKey(rec.id as number), {
				name: item,
				position: i + 1,
				number: String(i + 1),
				section_name: 'General',
				list_template_id: rec.id,
			}),
		);
		return rec.id as number;
	};
	const inspectionTemplates = {
		prePour: template('Pre-Pour Concrete Inspection', inspectionTypes.quality, 'Quality', [
			'Rebar size and spacing per S-201',
			'Embeds and sleeves in place',
			'Formwork braced and clean',
		]),
		guardrail: template('Guardrail and Edge Protection', inspectionTypes.safety, 'Safety', [
			'Top rail at 42 in. ± 3 in.',
			'Toe boards installed',
		]),
	};

	const listKey = w.key('GET /rest/v1.0/projects/{project_id}/checklist/lists', { project_id: tower });
	const itemKey = w.key('GET /rest/v1.1/projects/{project_id}/checklist/list_items', { project_id: tower });
	const engineer = { id: ids.users.engineer, name: 'Priya Natarajan', login: 'priya.natarajan@granitepeak.example' };
	const inspection = (number: number, name: string, templateId: number, typeId: number, typeName: string, status: string, responses: string[], daysAgo: number) => {
		const list = w.put(
			listKey,
			{
				name,
				number,
				status,
				list_template_id: templateId,
				template_id: templateId,
				list_template_name: name,
				inspection_type: typeRef(typeId, typeName),
				inspection_date: w.at(daysAgo).slice(0, 10),
				due_at: w.at(daysAgo - 2),
				location: { id: locations.level2, name: 'Level 2' },
				description: null,
				private: false,
				deleted: false,
				inspectors: [engineer],
				point_of_contact: engineer,
				responsible_contractor: { id: ids.vendors.concrete, name: 'Solid Rock Concrete Inc.' },
				created_by: engineer,
				project_id: tower,
			},
			daysAgo,
		);
		const items = responses.map((status, i) =>
			w.put(
				itemKey,
				{
					list_id: list.id,
					name: ['Rebar size and spacing per S-201', 'Embeds and sleeves in place', 'Formwork braced and clean'][i],
					number: String(i + 1),
					position: i + 1,
					section_id: null,
					status,
					details: status === 'no' ? 'Bottom mat spacing at 14 in.; S-201 calls for 12 in.' : null,
					item_response:
						status === 'none'
							? null
							: {
									item_id: null,
									status,
									responded_at: w.at(daysAgo),
									responder: { id: engineer.id, login: engineer.login, name: engineer.name },
								},
					project_id: tower,
				},
				daysAgo,
			),
		);
		const count = (s: string) => responses.filter((r) => r === s).length;
		Object.assign(list, {
			item_count: responses.length,
			conforming_item_count: count('yes'),
			deficient_item_count: count('no'),
			not_applicable_item_count: count('n/a'),
			inspected_item_count: responses.filter((r) => r !== 'none').length,
		});
		return { id: list.id as number, items: items.map((i) => i.id as number) };
	};
	const level8 = inspection(1, 'Pre-Pour Concrete Inspection', inspectionTemplates.prePour, inspectionTypes.quality, 'Quality', 'Open', ['yes', 'no', 'yes'], 3);
	const level7 = inspection(2, 'Pre-Pour Concrete Inspection', inspectionTemplates.prePour, inspectionTypes.quality, 'Quality', 'Closed', ['yes', 'yes', 'n/a'], 12);
	const inspections = { level8PrePour: level8.id, level7PrePour: level7.id };
	const inspectionItems = { level8Rebar: level8.items[0], level8Embeds: level8.items[1] };

	const meetingKey = w.key('GET /rest/v1.0/meetings', {}, { projectId: tower });
	const meeting = w.put(
		meetingKey,
		{
			title: 'OAC Meeting #14',
			location: 'Site trailer, conference room',
			occurred: true,
			starts_at: w.at(2, 10),
			ends_at: w.at(2, 11),
			time_zone: 'Pacific Time (US & Canada)',
			is_private: false,
			is_draft: false,
			mode: 'minutes',
			description: 'Owner-architect-contractor weekly meeting',
			conclusion: null,
			position: 14,
			project_id: tower,
		},
		2,
	);
	const categoryKey = w.key('GET /rest/v1.0/meeting_categories', {}, { projectId: tower });
	const category = (title: string, position: number) =>
		w.put(categoryKey, { title, position, meeting_id: meeting.id, project_id: tower }).id as number;
	const general = category('General Business', 1);
	const design = category('Design and Coordination', 2);
	const topicKey = w.key('POST /rest/v1.0/meeting_topics', {}, { projectId: tower });
	const topic = (number: string, title: string, categoryId: number, status: string, minutes: string) =>
		w.put(
			topicKey,
			{
				number,
				title,
				status,
				minutes,
				description: null,
				priority: 'Medium',
				due_date: w.at(-5).slice(0, 10),
				meeting_id: meeting.id,
				meeting_category_id: categoryId,
				assignments: [{ id: engineer.id, login: engineer.login, name: engineer.name }],
				is_private: false,
				project_id: tower,
			},
			2,
		).id as number;
	const meetingTopics = {
		schedule: topic('14.1', 'Three-week lookahead', general, 'Closed', 'Level 9 deck pour moved to Thursday.'),
		curtainWall: topic('14.2', 'Curtain wall embed conflict at grid C/4', design, 'Open', 'Embed plate at C/4 conflicts with the slab edge; architect to confirm the revised detail.'),
	};

	const setKey = w.key('GET /rest/v1.0/projects/{project_id}/drawing_sets', { project_id: tower });
	const drawingSets = {
		permit: w.put(setKey, { name: 'Permit Set', date: w.at(60).slice(0, 10), position: 1, project_id: tower, company_id: c }, 60).id as number,
		ifc: w.put(setKey, { name: 'Issued for Construction', date: w.at(40).slice(0, 10), position: 2, project_id: tower, company_id: c }, 40).id as number,
	};
	// The seeded revisions name their set; point them at the sets' real ids.
	for (const revId of Object.values(ids.drawingRevisions)) {
		const key = w.rt.store.keyOf(revId);
		const rev = key ? w.rt.store.get(key, revId) : undefined;
		if (!rev) continue;
		const set = rev.current ? { id: drawingSets.ifc, name: 'Issued for Construction' } : { id: drawingSets.permit, name: 'Permit Set' };
		rev.drawing_set = set;
	}

	return {
		inspectionTypes,
		inspectionTemplates,
		inspections,
		inspectionItems,
		meetings: { oac14: meeting.id as number },
		meetingTopics,
		drawingSets,
	};
}

/**
 * Documents, drawings and specifications. Their download URLs point at the API host and need the
 * bearer token; the API host answers 302 to the storage host (see files/downloads.ts).
 */
import type { SeedWriter } from './context';
import type { SeedIds } from './ids';

/** A tiny but valid PDF, so clients that sniff the bytes are satisfied. */
export function pdfBytes(title: string): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
	);
}
export const PNG_1x1 = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

export function downloadUrl(
	w: SeedWriter,
	data: Buffer,
	filename: string,
	contentType: string,
): string {
	const blob = w.rt.blobs.put({ filename, contentType, size: data.length, data });
	return `${w.rt.apiOrigin()}/_downloads/${blob.key}`;
}

export function seedDocuments(
	w: SeedWriter,
	ids: Pick<SeedIds, 'projects' | 'users'>,
): Pick<
	SeedIds,
	| 'folders'
	| 'files'
	| 'drawingAreas'
	| 'drawings'
	| 'drawingRevisions'
	| 'specificationSections'
	| 'specificationRevisions'
> {
	const tower = ids.projects.tower;
	const folderKey = w.key('GET /rest/v1.0/folders', {}, { projectId: tower });
	const fileKey = w.key('GET /rest/v1.0/files/{id}', { id: 0 }, { projectId: tower });
	const folder = (name: string, parent: number | null) =>
		w.put(folderKey, {
			name,
			parent_id: parent,
			is_tracked: false,
			private: false,
			is_deleted: false,
			is_recycle_bin: false,
			name_with_path: name,
			folders: [],
			files: [],
			project_id: tower,
		}).id as number;
	const root = folder('Documents', null);
	const folders = {
		contracts: folder('Contracts', root),
		photos: folder('Site Photos', root),
		subcontracts: 0,
	};
	folders.subcontracts = folder('Subcontracts', folders.contracts);
	const file = (name: string, parent: number, data: Buffer, type: string, versions: number) => {
		const id = w.id();
		const fileVersions = Array.from({ length: versions }, (_, i) => ({
			id: w.id(),
			number: i + 1,
			file_id: id,
			size: data.length,
			notes: i === 0 ? 'Initial upload' : `Revision ${i}`,
			created_by: { id: ids.users.pm, name: 'Dana Whitfield' },
			created_at: w.at(30 - i * 5),
			url: downloadUrl(w, data, name, type),
			prostore_file: { id: w.id(), name, filename: name, size: data.length, url: null },
		}));
		w.put(fileKey, {
			id,
			name,
			parent_id: parent,
			size: data.length,
			description: null,
			is_tracked: false,
			checked_out_until: null,
			private: false,
			name_with_path: `Documents/${name}`,
			file_type: type,
			file_versions: fileVersions.reverse(),
			project_id: tower,
		});
		return id;
	};
	const files = {
		contractPdf: file(
			'SC-001 Electrical Subcontract.pdf',
			folders.subcontracts,
			pdfBytes('SC-001'),
			'application/pdf',
			2,
		),
		sitePhoto: file('level-8-pour.png', folders.photos, PNG_1x1, 'image/png', 1),
	};

	const areaKey = w.key('GET /rest/v1.0/projects/{project_id}/drawing_areas', {
		project_id: tower,
	});
	const drawingAreas = {
		architectural: w.put(areaKey, { name: 'Architectural', project_id: tower }).id as number,
		structural: w.put(areaKey, { name: 'Structural', project_id: tower }).id as number,
	};
	const drawingKey = (area: number) =>
		w.key(
			'GET /rest/v1.0/drawing_areas/{drawing_area_id}/drawings',
			{ drawing_area_id: area },
			{ projectId: tower },
		);
	const drawings = {
		a101: w.put(drawingKey(drawingAreas.architectural), {
			number: 'A-101',
			title: 'Level 1 Floor Plan',
			discipline: { id: 1, name: 'Architectural' },
			drawing_area_id: drawingAreas.architectural,
			project_id: tower,
		}).id as number,
		s201: w.put(drawingKey(drawingAreas.structural), {
			number: 'S-201',
			title: 'Level 2 Framing Plan',
			discipline: { id: 2, name: 'Structural' },
			drawing_area_id: drawingAreas.structural,
			project_id: tower,
		}).id as number,
	};
	const revKey = w.key('GET /rest/v1.0/projects/{project_id}/drawing_revisions', {
		project_id: tower,
	});
	const rev = (
		drawing: number,
		area: number,
		number: string,
		title: string,
		revision: string,
		current: boolean,
	) => {
		const pdf = pdfBytes(`${number} rev ${revision}`);
		return w.put(revKey, {
			drawing_id: drawing,
			number,
			title,
			revision_number: revision,
			current,
			obsolete: !current,
			drawing_date: w.at(40).slice(0, 10),
			received_date: w.at(38).slice(0, 10),
			pdf_url: downloadUrl(w, pdf, `${number}.pdf`, 'application/pdf'),
			pdf_size: pdf.length,
			png_url: downloadUrl(w, PNG_1x1, `${number}.png`, 'image/png'),
			png_size: PNG_1x1.length,
			thumbnail_url: downloadUrl(w, PNG_1x1, `${number}-thumb.png`, 'image/png'),
			drawing_set: { id: 1, name: current ? 'Issued for Construction' : 'Permit Set' },
			drawing_area: { id: area },
			discipline: {
				id: area === drawingAreas.structural ? 2 : 1,
				name: area === drawingAreas.structural ? 'Structural' : 'Architectural',
			},
			project_id: tower,
			width: 1,
			height: 1,
		}).id as number;
	};
	const drawingRevisions = {
		a101r1: rev(
			drawings.a101,
			drawingAreas.architectural,
			'A-101',
			'Level 1 Floor Plan',
			'1',
			false,
		),
		a101r2: rev(
			drawings.a101,
			drawingAreas.architectural,
			'A-101',
			'Level 1 Floor Plan',
			'2',
			true,
		),
		s201r0: rev(drawings.s201, drawingAreas.structural, 'S-201', 'Level 2 Framing Plan', '0', true),
	};

	const secKey = w.key('GET /rest/v1.0/specification_sections', {}, { projectId: tower });
	const specRevKey = w.key(
		'GET /rest/v1.0/specification_section_revisions',
		{},
		{ projectId: tower },
	);
	const section = (number: string, description: string) => {
		const id = w.id();
		const revId = w.id();
		w.put(specRevKey, {
			id: revId,
			specification_section_id: id,
			number,
			description,
			revision: '0',
			issued_date: w.at(60).slice(0, 10),
			received_date: w.at(58).slice(0, 10),
			specification_set_id: 1,
			url: downloadUrl(w, pdfBytes(`${number} ${description}`), `${number}.pdf`, 'application/pdf'),
			project_id: tower,
		});
		w.put(secKey, {
			id,
			number,
			description,
			label: `${number} - ${description}`,
			current_revision_id: revId,
			specification_section_division_id: Number(number.slice(0, 2)),
			project_id: tower,
		});
		return { id, revId };
	};
	const concrete = section('03 30 00', 'Cast-in-Place Concrete');
	const drywall = section('09 21 16', 'Gypsum Board Assemblies');
	return {
		folders,
		files,
		drawingAreas,
		drawings,
		drawingRevisions,
		specificationSections: { concrete: concrete.id, drywall: drywall.id },
		specificationRevisions: { concrete: concrete.revId, drywall: drywall.revId },
	};
}

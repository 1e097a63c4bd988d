/** Builds the whole seed; the same options always give the same ids. */
import type { Accounts } from '../oauth/accounts';
import type { Runtime } from '../runtime';
import { SeedWriter } from './context';
import { seedDirectory } from './directory';
import { seedDocuments } from './documents';
import { seedField } from './field';
import { seedFinancials } from './financials';
import type { SeedIds } from './ids';

export type { SeedIds } from './ids';

export interface SeedOptions {
	/** Extra generated projects beyond the six named ones (benchmarks: `{ projects: 500 }`). */
	projects?: number;
	/** Extra RFIs on the tower project (pagination and benchmark tests). */
	rfis?: number;
	/** Extra timecard entries on the tower project. */
	timecardEntries?: number;
}

export function seed(rt: Runtime, accounts: Accounts, options: SeedOptions = {}): SeedIds {
	const w = new SeedWriter(rt);
	const dir = seedDirectory(w, accounts, options.projects ?? 0);
	const fin = seedFinancials(w, dir, [
		'tower',
		'hospital',
		'school',
		'warehouse',
		'inactive',
		'archived',
	]);
	const field = seedField(w, { ...dir, ...fin });
	const docs = seedDocuments(w, dir);
	const tower = dir.projects.tower;
	const rfiKey = w.key('GET /rest/v1.0/projects/{project_id}/rfis', { project_id: tower });
	for (let i = 0; i < (options.rfis ?? 0); i++)
		w.put(
			rfiKey,
			{
				number: String(100 + i),
				subject: `Generated RFI ${i + 1}`,
				status: i % 3 === 0 ? 'closed' : 'open',
				project_id: tower,
				private: false,
				draft: false,
			},
			i % 60,
		);
	const teKey = w.key('GET /rest/v1.0/projects/{project_id}/timecard_entries', {
		project_id: tower,
	});
	for (let i = 0; i < (options.timecardEntries ?? 0); i++) {
		const party = Object.values(dir.people)[i % 5];
		w.put(
			teKey,
			{
				party_id: party,
				party: { id: party },
				date: w.at(i % 30).slice(0, 10),
				hours: '8.0',
				billable: true,
				project_id: tower,
				cost_code: { id: fin.costCodes['03-300'] },
				timecard_time_type: { id: field.timeTypes.regular },
				status: 'pending',
			},
			i % 30,
		);
	}
	return { ...dir, ...fin, ...field, ...docs };
}

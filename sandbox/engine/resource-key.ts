/**
 * Where a path's records live. `/rest/v1.0/projects/7/rfis`, `/rest/v1.1/projects/7/rfis` and
 * `/rest/v2.0/companies/1/projects/7/rfis` share `projects/7/rfis`; query-scoped v1.0 paths such as
 * `/rest/v1.0/change_events?project_id=7` land in `projects/7/change_events` as well.
 */
import type { Operation } from '../types';

export interface ResourceKey {
	/** Collection key, ids substituted. */
	key: string;
	/** The record id when the path ends in `{id}`-like parameter. */
	itemId?: string;
	/** Last literal segment: the collection's name (`rfis`). */
	name: string;
	/** Key with ids replaced by a star (projects/STAR/rfis), for tables such as webhook resource names. */
	pattern: string;
}

const isParam = (s: string) => s.startsWith('{') && s.endsWith('}');

export function resourceKey(
	op: Operation,
	params: Record<string, string>,
	scope: { projectId: number | null; companyId: number | null },
): ResourceKey {
	let segs = op.segments[0] === 'rest' ? op.segments.slice(2) : op.segments.slice();
	if (segs[0] === 'companies' && segs[2] === 'projects' && segs.length >= 4 && isParam(segs[3]))
		segs = segs.slice(2);
	let itemId: string | undefined;
	if (segs.length > 1 && isParam(segs[segs.length - 1])) {
		itemId = params[segs[segs.length - 1].slice(1, -1)];
		segs = segs.slice(0, -1);
	}
	const scoped = (segs[0] === 'projects' || segs[0] === 'companies') && segs.length > 1;
	const values = segs.map((s) => (isParam(s) ? params[s.slice(1, -1)] : s));
	const patterns = segs.map((s) => (isParam(s) ? '*' : s));
	if (!scoped) {
		if (scope.projectId !== null && segs[0] !== 'projects') {
			values.unshift('projects', String(scope.projectId));
			patterns.unshift('projects', '*');
		} else if (scope.companyId !== null && segs[0] !== 'companies') {
			values.unshift('companies', String(scope.companyId));
			patterns.unshift('companies', '*');
		}
	}
	const name = [...segs].reverse().find((s) => !isParam(s)) ?? '';
	return { key: values.join('/'), itemId, name, pattern: patterns.join('/') };
}

/** `projects/7/rfis` → scope ids recorded on stored records (webhooks and filters read them). */
export function scopeOfKey(key: string): { projectId: number | null; companyId: number | null } {
	const p = /^projects\/(\d+)/.exec(key);
	const c = /^companies\/(\d+)/.exec(key);
	return { projectId: p ? Number(p[1]) : null, companyId: c ? Number(c[1]) : null };
}

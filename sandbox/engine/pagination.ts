/**
 * The one pagination helper: page/per_page, Total, Per-Page and a Link header with first/prev/
 * next/last (no next on the last page), v1 and v2 limits from config.
 */
import type { SandboxConfig } from '../config';

export interface Page<T> {
	items: T[];
	headers: Record<string, string>;
}

export function perPageLimits(isV2: boolean, config: SandboxConfig): { def: number; max: number } {
	return isV2
		? { def: config.v2DefaultPerPage, max: config.v2MaxPerPage }
		: { def: config.v1DefaultPerPage, max: config.v1MaxPerPage };
}

export function paginate<T>(all: T[], url: URL, isV2: boolean, config: SandboxConfig): Page<T> {
	const { def, max } = perPageLimits(isV2, config);
	const asked = Number(url.searchParams.get('per_page'));
	const perPage = Number.isInteger(asked) && asked > 0 ? Math.min(asked, max) : def;
	const askedPage = Number(url.searchParams.get('page'));
	const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1;
	const last = Math.max(1, Math.ceil(all.length / perPage));
	const link = (p: number, rel: string) => {
		const u = new URL(url.toString());
		u.searchParams.set('page', String(p));
		u.searchParams.set('per_page', String(perPage));
		return `<${u.toString()}>; rel="${rel}"`;
	};
	const links = [link(1, 'first')];
	if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
	if (page < last) links.push(link(page + 1, 'next'));
	links.push(link(last, 'last'));
	return {
		items: all.slice((page - 1) * perPage, page * perPage),
		headers: { Total: String(all.length), 'Per-Page': String(perPage), Link: links.join(', ') },
	};
}

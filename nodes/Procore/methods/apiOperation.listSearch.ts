import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadCatalog, toolName } from '../actions/apiOperation/catalog';
import { currentValue } from './currentValue';

const PAGE = 100;

/** Every word of the filter appears in one of the texts (order free: "punch create" finds "Create Punch Item"). */
function matchesWords(filter: string | undefined, ...texts: string[]): boolean {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const haystack = texts.join(' ').toLowerCase();
	return words.every((w) => haystack.includes(w));
}

function paged<T>(all: T[], paginationToken?: string): { page: T[]; next?: string } {
	const start = Number(paginationToken ?? 0);
	return { page: all.slice(start, start + PAGE), next: start + PAGE < all.length ? String(start + PAGE) : undefined };
}

/** Procore's tools as its catalog groups them: "Category › Module", with how many operations each has. */
export async function searchCatalogTools(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const catalog = await loadCatalog();
	const counts = new Map<string, number>();
	for (const op of catalog.operations) counts.set(op.tool, (counts.get(op.tool) ?? 0) + 1);
	const tools = catalog.tools.filter((t) => matchesWords(filter, toolName(t)));
	const { page, next } = paged(tools, paginationToken);
	return {
		results: page.map((t) => ({ name: `${toolName(t)} (${counts.get(t) ?? 0})`, value: t })),
		paginationToken: next,
	};
}

/**
 * The chosen tool's operations (every operation when no tool is chosen), each as "summary — METHOD
 * path", found by any words of the summary or the path.
 */
export async function searchCatalogOperations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const catalog = await loadCatalog();
	// By Name takes the tool as the list shows it ("Project Management › Punch List") or as stored ("…/Punch List").
	const tool = currentValue(this, 'tool').replace(/\s*›\s*/, '/').trim();
	const ops = catalog.operations
		.filter((o) => !tool || o.tool === tool)
		.filter((o) => matchesWords(filter, o.summary, o.method, o.path, o.operationId))
		.sort((a, b) => a.summary.localeCompare(b.summary) || a.path.localeCompare(b.path));
	const { page, next } = paged(ops, paginationToken);
	return {
		results: page.map((o) => ({ name: `${o.summary} — ${o.method} ${o.path}`, value: o.operationId })),
		paginationToken: next,
	};
}

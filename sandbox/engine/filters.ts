/**
 * `filters[<attr>]` (exact, arrays, `a...b` ranges on dates), `filters[include_deleted]` and
 * `sort=field,-other`, applied the same way to every list.
 */
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `vendor_id` also reads a nested `vendor.id`, or the ids of a `vendor` / `vendors` list
 * (`ball_in_court_id` → `ball_in_court: [{id}]`, `assignee_id` → `assignees`); values compare as strings.
 */
function valueOf(rec: Record<string, unknown>, attr: string): unknown {
	if (attr in rec) return rec[attr];
	if (attr.endsWith('_id')) {
		const base = attr.slice(0, -3);
		for (const name of [base, `${base}s`]) {
			const nested = rec[name];
			if (isObject(nested)) return nested.id;
			if (Array.isArray(nested)) return nested.map((n) => (isObject(n) ? n.id : n));
		}
	}
	return undefined;
}

/** Every string anywhere in a record (one level of nesting), lower-cased, for `search`. */
function searchText(rec: Record<string, unknown>): string {
	const parts: string[] = [];
	const add = (v: unknown, depth: number) => {
		if (typeof v === 'string' || typeof v === 'number') parts.push(String(v));
		else if (depth < 2 && Array.isArray(v)) v.forEach((x) => add(x, depth + 1));
		else if (depth < 2 && isObject(v)) Object.values(v).forEach((x) => add(x, depth + 1));
	};
	add(rec, 0);
	return parts.join('\n').toLowerCase();
}

/**
 * Procore's named scopes among `filters[…]`, which are not attributes of the record:
 * `search` (text anywhere in the record) and the projects list's `by_status` (Active / Inactive / All).
 */
const SCOPES: Record<string, (rec: Record<string, unknown>, want: unknown) => boolean> = {
	search: (rec, want) => searchText(rec).includes(String(want).trim().toLowerCase()),
	// The punch list's name for its text search (RestV11PunchItemsGet `filters[query]`).
	query: (rec, want) => searchText(rec).includes(String(want).trim().toLowerCase()),
	// Widens `filters[location_id]` to the locations below it: the sandbox's locations are matched by id only.
	include_sublocations: () => true,
	by_status: (rec, want) => {
		const w = String(want).toLowerCase();
		if (w === 'all') return true;
		const active = rec.active ?? rec.is_active ?? (rec.status === undefined ? undefined : rec.status === 'active');
		return w === 'active' ? active !== false : w === 'inactive' ? active === false : true;
	},
};

function rangeBounds(spec: string): [number, number] | null {
	const [a, b] = spec.split('...');
	const start = Date.parse(a);
	// A date-only upper bound means the whole day.
	const end = /^\d{4}-\d{2}-\d{2}$/.test(b) ? Date.parse(`${b}T23:59:59.999Z`) : Date.parse(b);
	return Number.isNaN(start) || Number.isNaN(end) ? null : [start, end];
}

function matches(rec: Record<string, unknown>, attr: string, want: unknown): boolean {
	if (SCOPES[attr] && !(attr in rec)) return SCOPES[attr](rec, want);
	const have = valueOf(rec, attr);
	const wants = (
		Array.isArray(want)
			? want
			: isObject(want)
				? Object.values(want)
				: String(want).includes(',') && attr.endsWith('id')
					? String(want).split(',')
					: [want]
	).map(String);
	if (!Array.isArray(want) && typeof want === 'string' && want.includes('...')) {
		const bounds = rangeBounds(want);
		const t = typeof have === 'string' ? Date.parse(have) : NaN;
		return !!bounds && !Number.isNaN(t) && t >= bounds[0] && t <= bounds[1];
	}
	if (typeof want === 'string' && attr.endsWith('_at') && /^\d{4}-\d{2}-\d{2}$/.test(want))
		return typeof have === 'string' && have.startsWith(want);
	if (Array.isArray(have)) return have.some((h) => wants.includes(String(isObject(h) ? h.id : h)));
	if (have === undefined || have === null) return false;
	// Statuses are filtered in one spelling and read in another (punch items: `open` → "Open").
	if (attr === 'status') return wants.some((w) => w.toLowerCase() === String(have).toLowerCase());
	return wants.includes(String(have));
}

export function includeDeleted(filters: unknown): 'without' | 'with' | 'only' {
	const v = isObject(filters) ? filters.include_deleted : undefined;
	return v === 'only' ? 'only' : v === 'with' || v === 'true' ? 'with' : 'without';
}

export function applyFilters<T extends Record<string, unknown>>(items: T[], filters: unknown): T[] {
	if (!isObject(filters)) return items;
	const active = Object.entries(filters).filter(
		([k, v]) => k !== 'include_deleted' && v !== '' && v !== undefined,
	);
	return items.filter((r) => active.every(([k, v]) => matches(r, k, v)));
}

export function applySort<T extends Record<string, unknown>>(items: T[], sort: unknown): T[] {
	if (typeof sort !== 'string' || !sort) return items;
	const keys = sort
		.split(',')
		.map((s) => (s.startsWith('-') ? { k: s.slice(1), dir: -1 } : { k: s, dir: 1 }));
	return [...items].sort((a, b) => {
		for (const { k, dir } of keys) {
			const x = a[k] as string | number | null | undefined;
			const y = b[k] as string | number | null | undefined;
			if (x === y) continue;
			if (x === undefined || x === null) return 1;
			if (y === undefined || y === null) return -1;
			return (x < y ? -1 : 1) * dir;
		}
		return 0;
	});
}

/**
 * Bulk operations send many items in one call, but Company and Options are per-item parameters:
 * an integrator may route several clients (or companies) through one node by expression. Items are
 * grouped by the settings they resolve to, and each group is written with its own values, so no
 * item is ever written with another item's Company or Options.
 */
export interface ItemGroup<T> {
	settings: T;
	itemIndexes: number[];
}

/**
 * Reads each item's settings and groups the items whose settings are equal (compared as JSON, so
 * settings must be plain data). An item whose settings cannot be read goes to `fail` (which throws
 * when Continue On Fail is off, before anything is written) and is left out of every group.
 */
export async function groupItems<T>(
	count: number,
	read: (itemIndex: number) => Promise<T> | T,
	fail: (itemIndex: number, error: Error) => void,
): Promise<Array<ItemGroup<T>>> {
	const groups = new Map<string, ItemGroup<T>>();
	for (let i = 0; i < count; i++) {
		let settings: T;
		try {
			settings = await read(i);
		} catch (error) {
			fail(i, error as Error);
			continue;
		}
		const key = JSON.stringify(settings);
		const group = groups.get(key) ?? { settings, itemIndexes: [] };
		group.itemIndexes.push(i);
		groups.set(key, group);
	}
	return [...groups.values()];
}

/** Rails-style bracket keys (`filters[status][]=a`, `file[upload_uuid]=…`) into nested objects. */
export function nest(pairs: Iterable<[string, unknown]>): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const [rawKey, value] of pairs) {
		const m = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
		if (!m) {
			root[rawKey] = value;
			continue;
		}
		const parts = [m[1], ...[...m[2].matchAll(/\[([^\]]*)\]/g)].map((x) => x[1])];
		let node: Record<string, unknown> | unknown[] = root;
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i];
			const last = i === parts.length - 1;
			const nextIsArray = !last && parts[i + 1] === '';
			if (part === '') {
				const arr = node as unknown as unknown[];
				if (last) arr.push(value);
				else {
					const child = {};
					arr.push(child);
					node = child;
				}
				continue;
			}
			const obj = node as Record<string, unknown>;
			if (last) {
				obj[part] = value;
				continue;
			}
			if (obj[part] === undefined || typeof obj[part] !== 'object')
				obj[part] = nextIsArray ? [] : {};
			node = obj[part] as Record<string, unknown>;
		}
	}
	return root;
}

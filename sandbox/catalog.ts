/** Procore's operations (vendored in ./openapi) and the matcher from method + path to one operation. */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Operation, Parameter, Schema } from './types';

interface CatalogEntry {
	operationId: string;
	method: string;
	path: string;
	version: string;
	module: string;
	tag: string;
}
interface Detail {
	parameters: Parameter[];
	requestBody: Operation['requestBody'];
	responses: Record<string, { schema: Schema }>;
}

export interface Match {
	op: Operation;
	params: Record<string, string>;
}

export class Catalog {
	readonly operations: Operation[] = [];
	private readonly buckets = new Map<string, Operation[]>();

	constructor(dir = path.join(__dirname, 'openapi')) {
		const entries = JSON.parse(
			fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8'),
		) as CatalogEntry[];
		const details = JSON.parse(
			zlib.gunzipSync(fs.readFileSync(path.join(dir, 'endpoint-details.json.gz'))).toString('utf8'),
		) as Record<string, Detail>;
		for (const e of entries)
			this.add({
				...e,
				...(details[e.operationId] ?? { parameters: [], requestBody: null, responses: {} }),
			});
	}

	/** Operations the extract lacks (newer than April 2026) can be added by handlers. */
	add(entry: CatalogEntry & Partial<Detail>): Operation {
		const op: Operation = {
			operationId: entry.operationId,
			method: entry.method.toUpperCase(),
			path: entry.path,
			version: entry.version,
			module: entry.module ?? '',
			tag: entry.tag ?? '',
			segments: entry.path.split('/').filter(Boolean),
			parameters: entry.parameters ?? [],
			requestBody: entry.requestBody ?? null,
			responses: entry.responses ?? {},
		};
		this.operations.push(op);
		const key = `${op.method} ${op.segments.length}`;
		const list = this.buckets.get(key) ?? [];
		list.push(op);
		this.buckets.set(key, list);
		return op;
	}

	/** Literal segments beat `{params}`, earlier positions first (`rfis/filter_options` over `rfis/{id}`). */
	match(method: string, pathname: string): Match | null {
		const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
		let best: Match | null = null;
		let bestScore = -1;
		for (const op of this.buckets.get(`${method} ${segments.length}`) ?? []) {
			let score = 0;
			const params: Record<string, string> = {};
			let ok = true;
			for (let i = 0; i < segments.length; i++) {
				const t = op.segments[i];
				if (t.startsWith('{') && t.endsWith('}')) params[t.slice(1, -1)] = segments[i];
				else if (t === segments[i]) score += 2 ** (segments.length - i);
				else {
					ok = false;
					break;
				}
			}
			if (ok && score > bestScore) {
				best = { op, params };
				bestScore = score;
			}
		}
		return best;
	}

	/** True when some method serves this path (to tell 404 from "wrong method"). */
	byId(operationId: string): Operation | undefined {
		return this.operations.find((o) => o.operationId === operationId);
	}
}

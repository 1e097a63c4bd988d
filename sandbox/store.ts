/**
 * In-memory collections keyed by resource key (`projects/7/rfis`). Ids are numbers from one
 * counter, so a seed with the same options always yields the same ids, and an id names one record.
 */
import type { Rec } from './types';

export interface StoredRec extends Rec {
	deleted_at?: string | null;
}

export class Store {
	readonly collections = new Map<string, Map<string, StoredRec>>();
	/** Where each id lives, for paths that address a record without its scope (`/projects/{id}`). */
	private readonly where = new Map<string, string>();
	/** Singletons (`GET /projects/{id}/settings`): one object per key. */
	readonly singletons = new Map<string, Record<string, unknown>>();
	private next: number;

	constructor(private readonly firstId = 100000) {
		this.next = firstId;
	}

	newId(): number {
		return this.next++;
	}

	/** Keeps generated ids clear of ids a seed or test chose explicitly. */
	reserve(id: number): void {
		if (id >= this.next) this.next = id + 1;
	}

	collection(key: string): Map<string, StoredRec> {
		let c = this.collections.get(key);
		if (!c) {
			c = new Map();
			this.collections.set(key, c);
		}
		return c;
	}

	/** Live records (deleted ones only when asked). */
	list(key: string, deleted: 'without' | 'with' | 'only' = 'without'): StoredRec[] {
		const all = [...(this.collections.get(key)?.values() ?? [])];
		if (deleted === 'with') return all;
		return all.filter((r) => (deleted === 'only' ? !!r.deleted_at : !r.deleted_at));
	}

	insert(key: string, rec: Omit<StoredRec, 'id'> & { id?: number | string }): StoredRec {
		const id = rec.id ?? this.newId();
		if (typeof id === 'number') this.reserve(id);
		const stored = { ...rec, id } as StoredRec;
		this.collection(key).set(String(id), stored);
		this.where.set(String(id), key);
		return stored;
	}

	get(key: string, id: string | number): StoredRec | undefined {
		const r = this.collections.get(key)?.get(String(id));
		return r && !r.deleted_at ? r : undefined;
	}

	/** The key a record id was stored under, whatever path now asks for it. */
	keyOf(id: string | number): string | undefined {
		return this.where.get(String(id));
	}

	update(key: string, id: string | number, patch: Record<string, unknown>): StoredRec | undefined {
		const r = this.get(key, id);
		if (!r) return undefined;
		Object.assign(r, patch, { id: r.id });
		return r;
	}

	/** Soft delete, so `filters[include_deleted]` can still show the record. */
	remove(key: string, id: string | number, at: string): StoredRec | undefined {
		const r = this.get(key, id);
		if (!r) return undefined;
		r.deleted_at = at;
		return r;
	}

	/** Every live record whose key ends with `/<name>` (company-wide look-ups such as `origin_id`). */
	findAll(
		name: string,
		pred: (r: StoredRec, key: string) => boolean,
	): Array<{ key: string; rec: StoredRec }> {
		const out: Array<{ key: string; rec: StoredRec }> = [];
		for (const [key, c] of this.collections) {
			if (key !== name && !key.endsWith(`/${name}`)) continue;
			for (const r of c.values()) if (!r.deleted_at && pred(r, key)) out.push({ key, rec: r });
		}
		return out;
	}

	clear(): void {
		this.collections.clear();
		this.where.clear();
		this.singletons.clear();
		this.next = this.firstId;
	}
}

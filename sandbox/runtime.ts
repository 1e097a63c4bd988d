/** The services every handler can reach; built once per sandbox instance. */
import type { Catalog } from './catalog';
import type { BlobStore } from './files/blobs';
import type { DeliveryRecord } from './webhooks/dispatcher';
import type { Clock } from './clock';
import type { SandboxConfig } from './config';
import type { Store, StoredRec } from './store';

export type ChangeAction = 'create' | 'update' | 'delete';

export interface Change {
	action: ChangeAction;
	/** Collection key the record lives in (`projects/7/rfis`). */
	key: string;
	record: StoredRec;
	companyId: number;
	projectId: number | null;
	userId: number;
	/** OAuth client id of the API caller; null for UI edits. */
	applicationId: string | null;
	/** From the caller's `Procore-Operation-Id` header, if any. */
	operationId?: string | null;
}

export interface Runtime {
	catalog: Catalog;
	store: Store;
	config: SandboxConfig;
	clock: Clock;
	companyId: number;
	/** Every record change (API or UI) goes through here; webhooks listen. */
	emit(change: Change): void;
	/** Base URL of the API host (127.0.0.1) and of the storage host (localhost). */
	apiOrigin(): string;
	storageOrigin(): string;
	tmpDir: string;
	blobs: BlobStore;
	/** Webhook delivery attempts so far (oldest first). */
	deliveries(): DeliveryRecord[];
}

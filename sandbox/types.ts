/** Shapes shared across the sandbox: operations from Procore's catalog, schemas, request context and replies. */
import type { IncomingMessage, ServerResponse } from 'http';

export interface Schema {
	type?: string;
	format?: string;
	properties?: Record<string, Schema>;
	items?: Schema;
	required?: string[];
	enum?: unknown[];
	default?: unknown;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	maxItems?: number;
	truncated?: boolean;
	oneOf?: Schema[];
	anyOf?: Schema[];
	allOf?: Schema[];
}

export interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header' | string;
	required: boolean;
	schema: Schema;
}

export interface Operation {
	operationId: string;
	method: string;
	path: string;
	version: string;
	module: string;
	tag: string;
	segments: string[];
	parameters: Parameter[];
	requestBody: { contentType: string | null; required: boolean; schema: Schema } | null;
	responses: Record<string, { schema: Schema }>;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Rec = { id: number | string; [key: string]: unknown };

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string | number>;
	/** Already-serialised body (used where JSON.stringify would lose a 19-digit id). */
	raw?: string | Buffer;
	contentType?: string;
}

export interface TokenGrant {
	token: string;
	clientId: string;
	userId: number;
	grant: 'authorization_code' | 'client_credentials' | 'refresh_token';
	createdAt: number;
	expiresAt: number;
	refreshToken?: string;
	revoked?: boolean;
}

/** One API request after routing: everything a handler may read. */
export interface Ctx {
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	path: string;
	/** Nested query: `filters[status][]=a` → `{ filters: { status: ['a'] } }`. */
	query: Record<string, unknown>;
	rawQuery: URLSearchParams;
	op: Operation;
	params: Record<string, string>;
	body: unknown;
	isV2: boolean;
	version: string;
	token: TokenGrant;
	companyId: number | null;
	/** Project from the path, the query or the body, already checked to exist. */
	projectId: number | null;
	/** Origin of the API host (`http://127.0.0.1:<port>`), for Link headers and file URLs. */
	origin: string;
}

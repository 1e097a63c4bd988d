/** The request log tests read to prove what the nodes sent (never the token itself). */
export interface CallRecord {
	at: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	status: number;
	companyHeader: string | null;
	authPresent: boolean;
	/** Which host name the request used (127.0.0.1 = API, localhost = storage). */
	host: string;
	operationId: string | null;
	fault?: string;
}

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of params) {
		const prev = out[k];
		out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}

/**
 * Copies Procore's extracted OpenAPI data from ../shared into sandbox/openapi/ so the sandbox runs
 * from a plain clone. The 2,636 endpoint-detail files (14 MB) are reduced to what the engine reads
 * (parameters, request body schema, 2xx response schema; descriptions dropped) and stored as one
 * gzipped JSON file: a single ~1 MB blob keeps the repository light and loads in one read.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const source =
	process.argv[2] ?? path.resolve(__dirname, '../../../shared/reference/procore-openapi');
const target = path.resolve(__dirname, '../sandbox/openapi');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keeps the keys a validator or response shaper needs; descriptions only add bytes. */
function slim(schema: Json): Json {
	if (Array.isArray(schema)) return schema.map(slim);
	if (schema === null || typeof schema !== 'object') return schema;
	const out: { [key: string]: Json } = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === 'description') {
			// Kept only where it marks a cut-off branch, so the engine can pass such values through.
			if (value === '(nested object)') out.truncated = true;
			continue;
		}
		if (key === 'example' || key === 'title') continue;
		out[key] =
			key === 'properties'
				? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, slim(v as Json)]))
				: slim(value);
	}
	return out;
}

function main(): void {
	fs.mkdirSync(target, { recursive: true });
	for (const file of ['catalog.json', 'LICENSE', 'README.md']) {
		const to = path.join(target, file);
		if (fs.existsSync(to)) fs.chmodSync(to, 0o644);
		fs.copyFileSync(path.join(source, file), to);
		fs.chmodSync(to, 0o644);
	}
	const dir = path.join(source, 'endpoint-details');
	const details: Record<string, Json> = {};
	for (const file of fs.readdirSync(dir).sort()) {
		if (!file.endsWith('.json')) continue;
		const raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
			[key: string]: Json;
		};
		const responses: { [key: string]: Json } = {};
		for (const [code, response] of Object.entries(
			(raw.responses ?? {}) as { [key: string]: { schema?: Json } },
		)) {
			if (/^2\d\d$/.test(code)) responses[code] = { schema: slim(response.schema ?? {}) };
		}
		const parameters = ((raw.parameters ?? []) as Array<{ [key: string]: Json }>).map((p) => ({
			name: p.name,
			in: p.in,
			required: p.required ?? false,
			schema: slim(p.schema ?? {}),
		}));
		const body = raw.requestBody as
			| { contentType?: Json; required?: Json; schema?: Json }
			| undefined;
		details[String(raw.operationId)] = {
			parameters,
			requestBody: body
				? {
						contentType: body.contentType ?? null,
						required: body.required ?? false,
						schema: slim(body.schema ?? {}),
					}
				: null,
			responses,
		};
	}
	const json = JSON.stringify(details);
	fs.writeFileSync(
		path.join(target, 'endpoint-details.json.gz'),
		zlib.gzipSync(json, { level: 9 }),
	);
	console.log(
		`vendored ${Object.keys(details).length} operations (${(json.length / 1e6).toFixed(1)} MB of JSON, gzipped) into ${target}`,
	);
}

main();

import type { IDataObject } from 'n8n-workflow';

function append(form: FormData, key: string, value: unknown): void {
	if (value === undefined) return;
	if (value === null) {
		form.append(key, '');
	} else if (Array.isArray(value)) {
		for (const entry of value) {
			append(form, `${key}[]`, entry);
		}
	} else if (typeof value === 'object') {
		for (const [name, inner] of Object.entries(value as IDataObject)) {
			append(form, `${key}[${name}]`, inner);
		}
	} else {
		form.append(key, String(value));
	}
}

/**
 * A JSON-shaped body as multipart/form-data with Rails bracket keys (`{file:{upload_uuid}}` →
 * `file[upload_uuid]`), for the endpoints Procore declares multipart-only (Create File, …).
 */
export function toMultipart(body: IDataObject): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(body)) append(form, key, value);
	return form;
}

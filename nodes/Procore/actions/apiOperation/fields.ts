import type { FieldType, ResourceMapperField } from 'n8n-workflow';

import type { CatalogField, CatalogOperation } from './catalog';
import { isScopeField } from './request';

const TYPES: Record<string, FieldType> = {
	s: 'string',
	d: 'string',
	t: 'dateTime',
	i: 'number',
	n: 'number',
	b: 'boolean',
	o: 'object',
	j: 'object',
};

/** Path and query parameters say where they go; a body field's dotted name already does. */
const WHERE_LABEL = { path: ' (path)', query: ' (query)', body: '' };

/** The mapper's type for a field: dates stay strings (Procore wants YYYY-MM-DD), arrays are JSON lists. */
export function mapperType(field: CatalogField): FieldType {
	if (field.values?.length && !field.type.startsWith('a')) return 'options';
	if (field.type.startsWith('a')) return 'array';
	return TYPES[field.type] ?? 'string';
}

/**
 * The operation's fields for n8n's field mapper (resourceMapper): required ones shown, the rest
 * one click away; enums as options. Company and project are the node's locators, never fields.
 */
export function mapperFields(op: CatalogOperation): ResourceMapperField[] {
	return op.fields
		.filter((f) => !isScopeField(f))
		.map((f) => {
			const type = mapperType(f);
			const required = f.required && (f.in !== 'body' || op.method === 'POST');
			return {
				id: f.name,
				displayName: `${f.name}${WHERE_LABEL[f.in]}${f.type === 'd' ? ' (YYYY-MM-DD)' : ''}`,
				required,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type,
				readOnly: false,
				removed: !required,
				...(type === 'options' ? { options: f.values!.map((v) => ({ name: v, value: v })) } : {}),
			};
		});
}

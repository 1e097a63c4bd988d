import type { IDataObject } from 'n8n-workflow';

/** A Procore user as the lists show it: name (or login) and company. */
export const userLabel = (u: IDataObject): string =>
	`${String(u.name ?? u.login ?? u.id)}${(u.vendor as IDataObject | undefined)?.name ? ` (${String((u.vendor as IDataObject).name)})` : ''}`;

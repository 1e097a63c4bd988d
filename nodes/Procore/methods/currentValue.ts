import type { ILoadOptionsFunctions } from 'n8n-workflow';

/** A parameter of the panel as a string (a locator's value extracted), or '' while it is unset. */
export function currentValue(ctx: ILoadOptionsFunctions, name: string): string {
	try {
		const value = ctx.getCurrentNodeParameter(name, { extractValue: true });
		return typeof value === 'string' ? value : '';
	} catch {
		return '';
	}
}

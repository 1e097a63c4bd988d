import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The Return All / Limit pair of a Get Many (`returnAllOrLimit` in actions/common.descriptions.ts),
 * read as the one pagination loop takes it: `undefined` reads every page to the end, a number stops
 * there. The fallbacks are the pair's defaults, for operations that show it only sometimes (Custom
 * API Call, API Operation on a list, Document sources).
 */
export function readLimit(ctx: IExecuteFunctions, i: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', i, false) as boolean) return undefined;
	return ctx.getNodeParameter('limit', i, 50) as number;
}

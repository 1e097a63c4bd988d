/**
 * Money as integer cents: totals of hundreds of lines must add up to the cent, and a float sum of
 * 500 amounts does not.
 */
export function toCents(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).replace(/[,\s$€£]/g, '');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
	return Math.round(Number(text) * 100);
}

export function fromCents(cents: number): number {
	return Math.round(cents) / 100;
}

/** 12,400.00 / -650.00 */
export function formatMoney(cents: number): string {
	return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** +650.00 / -650.00 / ±0.00 */
export function formatDelta(cents: number): string {
	if (cents === 0) return '±0.00';
	return `${cents > 0 ? '+' : ''}${formatMoney(cents)}`;
}

/** A plain number from a user value ("1,200.5" → 1200.5), or undefined. */
export function toNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	const text = String(value).replace(/[,\s$€£]/g, '');
	const n = Number(text);
	return text !== '' && Number.isFinite(n) ? n : undefined;
}

/**
 * Roughly how tall a sticky note's Markdown renders in n8n's editor (14 px text, 21 px lines, ~7 px
 * per prose character and ~8.4 px per code character, headings taller, 14 px between paragraphs,
 * 16 px padding): enough to catch a note whose text runs out of its box. An estimate errs tall:
 * wrapping is counted per character, never per word.
 */
const LINE = 21;
const PROSE_CHAR = 7;
const CODE_CHAR = 8.4;
const PADDING = 32;

/** Markdown that renders no characters: emphasis, code ticks, link targets. */
function visibleText(line: string): string {
	return line
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*`]/g, '')
		.replace(/^\s*(#+|-|\d+\.)\s+/, '');
}

export function stickyTextHeight(content: string, width: number): number {
	const inner = width - PADDING;
	let height = PADDING;
	let inCode = false;
	for (const line of content.split('\n')) {
		if (line.startsWith('```')) {
			inCode = !inCode;
			height += inCode ? 8 : 8;
			continue;
		}
		if (inCode) {
			height += Math.max(1, Math.ceil((line.length * CODE_CHAR) / inner)) * 19;
			continue;
		}
		if (line.trim() === '') {
			height += 14;
			continue;
		}
		const heading = /^(#+)\s/.exec(line)?.[1].length;
		const scale = heading === 1 ? 2 : heading === 2 ? 1.5 : heading === 3 ? 1.25 : 1;
		const indent = /^\s*(-|\d+\.)\s/.test(line) ? 24 : 0;
		const perLine = (inner - indent) / (PROSE_CHAR * scale);
		height += Math.max(1, Math.ceil(visibleText(line).length / perLine)) * LINE * scale + (heading ? 8 : 0);
	}
	return Math.round(height);
}

/** One line of the benchmark table. */
export interface Row {
	figure: string;
	workload: string;
	ours: string;
	baseline: string;
	/** baseline / ours (higher is better), or a plain number for figures that are not ratios. */
	ratio?: number;
	ratioText?: string;
	detail?: string;
	/** The figure's goal was met (counts, no loss, targets). */
	ok: boolean;
}

export interface FigureResult {
	title: string;
	rows: Row[];
	notes?: string[];
	/** Set when the figure could not run here (and why). */
	skipped?: string;
}

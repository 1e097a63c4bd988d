/** Faults on demand: 503s, slow answers and dropped connections, by seeded rate or for the next N calls. */
import type { FaultRule } from '../config';
import { seededRandom } from '../prng';

export class Faults {
	private random: () => number;
	constructor(seed: number) {
		this.random = seededRandom(seed);
	}

	reseed(seed: number): void {
		this.random = seededRandom(seed);
	}

	/** The first rule that fires for this path (a `next` rule is consumed as it fires). */
	pick(rules: FaultRule[], path: string): FaultRule | null {
		for (const rule of rules) {
			if (
				rule.pathPattern &&
				!(path.includes(rule.pathPattern) || safeRegExp(rule.pathPattern)?.test(path))
			)
				continue;
			if (rule.next !== undefined) {
				if (rule.next <= 0) continue;
				rule.next--;
				return rule;
			}
			if (rule.rate !== undefined && this.random() < rule.rate) return rule;
		}
		return null;
	}
}

function safeRegExp(source: string): RegExp | null {
	try {
		return new RegExp(source);
	} catch {
		return null;
	}
}

/** The sandbox's notion of "now": real time plus an offset tests can advance (token and code expiry). */
export class Clock {
	private offsetMs = 0;
	now(): number {
		return Date.now() + this.offsetMs;
	}
	advance(seconds: number): void {
		this.offsetMs += seconds * 1000;
	}
	reset(): void {
		this.offsetMs = 0;
	}
	iso(ms = this.now()): string {
		return new Date(ms).toISOString();
	}
}

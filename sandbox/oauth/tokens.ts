/** Issued codes and tokens: codes are single-use (10 min), refresh tokens rotate (old one dies on use). */
import { randomBytes } from 'crypto';
import type { Clock } from '../clock';
import type { TokenGrant } from '../types';

export interface AuthCode {
	code: string;
	clientId: string;
	userId: number;
	redirectUri: string;
	expiresAt: number;
	used: boolean;
}

const CODE_TTL_MS = 10 * 60 * 1000;

export class Tokens {
	private readonly access = new Map<string, TokenGrant>();
	private readonly refresh = new Map<string, TokenGrant>();
	private readonly codes = new Map<string, AuthCode>();

	constructor(
		private readonly clock: Clock,
		private readonly ttlSeconds: () => number,
	) {}

	issueCode(clientId: string, userId: number, redirectUri: string): string {
		const code = randomBytes(20).toString('hex');
		this.codes.set(code, {
			code,
			clientId,
			userId,
			redirectUri,
			expiresAt: this.clock.now() + CODE_TTL_MS,
			used: false,
		});
		return code;
	}

	/** Single use: a second redemption fails even within the 10 minutes. */
	redeemCode(code: string, clientId: string, redirectUri: string | undefined): AuthCode | null {
		const c = this.codes.get(code);
		if (!c || c.used || c.clientId !== clientId || c.expiresAt < this.clock.now()) return null;
		if (redirectUri !== undefined && redirectUri !== c.redirectUri) return null;
		c.used = true;
		return c;
	}

	issue(
		clientId: string,
		userId: number,
		grant: TokenGrant['grant'],
		withRefresh: boolean,
	): TokenGrant {
		const now = this.clock.now();
		const t: TokenGrant = {
			token: randomBytes(32).toString('hex'),
			clientId,
			userId,
			grant,
			createdAt: now,
			expiresAt: now + this.ttlSeconds() * 1000,
			refreshToken: withRefresh ? randomBytes(32).toString('hex') : undefined,
		};
		this.access.set(t.token, t);
		if (t.refreshToken) this.refresh.set(t.refreshToken, t);
		return t;
	}

	/** Rotation: the refresh token is consumed whether or not the caller sees the response. */
	useRefresh(refreshToken: string, clientId: string): TokenGrant | null {
		const t = this.refresh.get(refreshToken);
		if (!t || t.clientId !== clientId) return null;
		this.refresh.delete(refreshToken);
		return t;
	}

	lookup(token: string): { grant: TokenGrant; expired: boolean } | null {
		const t = this.access.get(token);
		if (!t || t.revoked) return null;
		return { grant: t, expired: t.expiresAt <= this.clock.now() };
	}

	secondsLeft(t: TokenGrant): number {
		return Math.max(0, Math.round((t.expiresAt - this.clock.now()) / 1000));
	}

	/** Revoking either token of a pair revokes both. */
	revoke(token: string): void {
		const t = this.access.get(token) ?? this.refresh.get(token);
		if (!t) return;
		t.revoked = true;
		if (t.refreshToken) this.refresh.delete(t.refreshToken);
	}

	clear(): void {
		this.access.clear();
		this.refresh.clear();
		this.codes.clear();
	}
}

import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Procore does not sign deliveries; it echoes the hook's `destination_headers.Authorization`
 * value. A random secret in that header is what proves a request came from our hook.
 */
export function newSecret(): string {
	return randomBytes(32).toString('hex');
}

export function authorizationFor(secret: string): string {
	return `Bearer ${secret}`;
}

/** Timing-safe comparison of the received Authorization header with the expected one. */
export function isAuthorized(received: unknown, secret: string | undefined): boolean {
	if (!secret || typeof received !== 'string' || received === '') return false;
	// Hashing first gives equal lengths, so neither the length nor the content leaks through timing.
	const a = createHash('sha256').update(received.trim()).digest();
	const b = createHash('sha256').update(authorizationFor(secret)).digest();
	return timingSafeEqual(a, b);
}

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../Procore/transport';
import type { TriggerState } from './staticData';

/**
 * Procore does not sign deliveries; it echoes the hook's `destination_headers.Authorization`
 * value. A secret in that header is what proves a request came from our hook.
 *
 * The secret itself is never stored (static data lives in database rows and workflow exports):
 * only the SHA-256 of each Authorization value in use (`secretHashes`) is kept, which is all the
 * timing-safe check needs. To write a hook, the secret is derived again from the credential's
 * client secret (encrypted by n8n) and this registration's random id and generation:
 * HMAC-SHA256(client secret, "procore-webhook:<registrationId>:<generation>"). Any n8n process
 * with the credential derives the same value, so a hook set up by a webhook process matches a hash
 * the publish stored. Re-writing a hook (publish, a disabled hook re-activated) rotates: the
 * generation goes up and the hook gets a fresh secret.
 */

type Ctx = IHookFunctions | IWebhookFunctions;

export function authorizationFor(secret: string): string {
	return `Bearer ${secret}`;
}

/** What is stored: the SHA-256 (hex) of the Authorization value Procore echoes. */
export function secretHash(secret: string): string {
	return createHash('sha256').update(authorizationFor(secret)).digest('hex');
}

/** Every hash a delivery may match (a trigger published before hashing stored its secret: accepted too). */
export function acceptedHashes(state: TriggerState): string[] {
	const legacy = typeof state.secret === 'string' && state.secret ? [secretHash(state.secret)] : [];
	return [...(state.secretHashes ?? []), ...legacy];
}

/** Timing-safe comparison of the received Authorization header with the stored hashes. */
export function isAuthorized(received: unknown, hashes: string[]): boolean {
	if (!hashes.length || typeof received !== 'string' || received === '') return false;
	// Hashing first gives equal lengths, so neither the length nor the content leaks through timing.
	const got = createHash('sha256').update(received.trim()).digest();
	let match = false;
	for (const hash of hashes) {
		const want = Buffer.from(hash, 'hex');
		if (want.length === got.length && timingSafeEqual(got, want)) match = true;
	}
	return match;
}

async function keyMaterial(ctx: Ctx): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const key = String(credentials.clientSecret ?? '');
	if (!key) {
		throw new NodeOperationError(ctx.getNode(), 'The Procore credential has no Client Secret', {
			description: 'The trigger derives its webhook secret from the credential\'s Client Secret. Open the credential and enter it.',
		});
	}
	return key;
}

/** Starts a new registration: a random id, generation 0, no hashes yet. */
export function newRegistration(state: TriggerState): void {
	state.registrationId = randomBytes(16).toString('hex');
	state.secretGeneration = 0;
	state.secretHashes = [];
	delete state.secret;
}

/** The secret of the registration's current generation; its hash is stored (kept with the earlier ones). */
export async function currentSecret(ctx: Ctx, state: TriggerState): Promise<string> {
	if (!state.registrationId) newRegistration(state);
	const secret = createHmac('sha256', await keyMaterial(ctx))
		.update(`procore-webhook:${state.registrationId}:${state.secretGeneration ?? 0}`)
		.digest('hex');
	const hash = secretHash(secret);
	if (!state.secretHashes?.includes(hash)) state.secretHashes = [...(state.secretHashes ?? []), hash];
	// A plain secret from before hashing is no longer needed once the hooks are written again.
	return secret;
}

/**
 * A fresh secret for a hook that is being written again. `replaceAll`: no other hook of this
 * registration keeps an older secret (single-scope), so only the new hash is accepted from now on.
 */
export async function rotateSecret(ctx: Ctx, state: TriggerState, replaceAll: boolean): Promise<string> {
	if (!state.registrationId) newRegistration(state);
	state.secretGeneration = (state.secretGeneration ?? 0) + 1;
	if (replaceAll) {
		state.secretHashes = [];
		delete state.secret;
	}
	return await currentSecret(ctx, state);
}

/** A key for in-process memories of this registration (no secret in it). */
export function registrationKey(ctx: Ctx, state: TriggerState): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().name}:${state.registrationId ?? state.secretHashes?.[0] ?? ''}`;
}

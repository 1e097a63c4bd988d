/**
 * What procoreRequest reads from the Procore credential: the API host and the access token (once
 * per node run), and the secrets no error may repeat. Split from request.ts, which sends.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ProcoreContext } from './request';

export const CREDENTIAL_TYPE = 'procoreOAuth2Api';

interface CredentialView {
	/** The API host of the credential's environment, without a trailing slash. */
	baseUrl: string;
	/** The access token the next request will be signed with. */
	token: string;
}

/**
 * What procoreRequest reads from the credential, read once per node run (keyed by the run's
 * context, like the pacing state) instead of twice per request: n8n decrypts the credential on
 * every getCredentials (issue #27's profile). The token is read again after a 401 (n8n may have
 * refreshed it), and the view is dropped whenever n8n may have stored a new one.
 */
const credentialViews = new WeakMap<object, CredentialView>();

export async function readCredentialView(this: ProcoreContext): Promise<CredentialView> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const base = String(credentials.apiBaseUrl ?? '').trim();
	if (!/^https?:\/\//.test(base)) {
		throw new NodeOperationError(
			this.getNode(),
			'The Procore credential has no valid API host',
			{
				description:
					'Open the Procore credential and choose an Environment; for "Custom", enter the API host with its scheme, e.g. https://api.procore.com.',
			},
		);
	}
	const view = {
		baseUrl: base.replace(/\/+$/, ''),
		token: String((credentials.oauthTokenData as IDataObject | undefined)?.access_token ?? ''),
	};
	credentialViews.set(this, view);
	return view;
}

export async function credentialView(this: ProcoreContext): Promise<CredentialView> {
	return credentialViews.get(this) ?? (await readCredentialView.call(this));
}

/** The API host of the credential's environment, without a trailing slash. */
export async function procoreApiBaseUrl(this: ProcoreContext): Promise<string> {
	return (await credentialView.call(this)).baseUrl;
}

/** The credential's tokens and client secret, which no error may repeat (errors.ts redacts them). */
export async function credentialSecrets(this: ProcoreContext): Promise<string[]> {
	try {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const tokens = (credentials.oauthTokenData ?? {}) as IDataObject;
		return [tokens.access_token, tokens.refresh_token, credentials.clientSecret].filter((s): s is string => typeof s === 'string');
	} catch {
		return [];
	}
}

/** After a 401 n8n may have stored a new token: the next request reads the credential again. */
export function forgetCredentialView(ctx: ProcoreContext): void {
	credentialViews.delete(ctx);
}

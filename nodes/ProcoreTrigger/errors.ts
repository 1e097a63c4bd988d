import { NodeApiError } from 'n8n-workflow';

/**
 * Procore answers 403 on the Webhooks API when the app lacks its "Webhooks API" permission; the
 * generic 403 advice would send the user to the wrong tool, so name the exact setting.
 */
export function explainWebhookError(error: unknown): unknown {
	if (error instanceof NodeApiError && String(error.httpCode) === '403') {
		error.description =
			'The connected Procore user or service account may not manage webhooks. Grant the "Webhooks API" permission: ' +
			'in Procore open Company Admin > App Management, select this app, and in its permissions (for a Developer Managed ' +
			'Service Account: the service account\'s tool permissions) set "Webhooks API" (Admin > Webhooks) to Standard or Admin, ' +
			'for the company and, for project hooks, on each project. A Procore user needs Admin on the Company or Project Admin tool.';
	}
	return error;
}

/** A URL Procore's servers cannot call: n8n publishes its own host name unless N8N_WEBHOOK_URL is set. */
export function unreachableUrlWarning(url: string): string | undefined {
	let host = '';
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return `The webhook URL "${url}" is not a valid URL.`;
	}
	const local = ['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]'].includes(host) || host.endsWith('.localhost');
	if (!local) return undefined;
	return (
		`This workflow's webhook URL is ${url}: Procore's servers cannot reach ${host}. ` +
		'Set the N8N_WEBHOOK_URL environment variable of n8n to its public HTTPS address (e.g. https://n8n.example.com/) and publish again. ' +
		'The hook is registered anyway, for a Procore that can reach this address.'
	);
}

/**
 * Where the Procore token may go. Procore's download links point at its own hosts (the API host or
 * another *.procore.com host) and redirect to a storage host (S3 today) whose presigned URL carries
 * its own signature: the token must reach the first and never the second.
 */
const PROCORE_DOMAINS = ['procore.com', 'procoregov.com'];

function parse(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

/** True when `url` is on the credential's API host, or on an https host of Procore's own domains. */
export function isProcoreHost(url: string, apiBaseUrl: string): boolean {
	const target = parse(url);
	const base = parse(apiBaseUrl);
	if (!target) return false;
	if (base && target.origin === base.origin) return true;
	if (target.protocol !== 'https:') return false;
	const host = target.hostname.toLowerCase();
	return PROCORE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

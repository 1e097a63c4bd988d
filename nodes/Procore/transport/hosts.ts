/**
 * Where the Procore token may go. Procore's download links point at its own hosts (the API host,
 * or its file host) and redirect to a storage host (S3 today) whose presigned URL carries its own
 * signature: the token must reach the first and never the second.
 *
 * Not every `*.procore.com` host is a file host (support.procore.com, developers.procore.com…), and
 * a link in a record's body is only as trustworthy as whoever wrote the record, so the token goes to
 * the credential's API origin and to the file host Procore documents ("File Link URL Schema Change",
 * 2023-06-28: links are `https://storage.procore.com/…`), over https, and nowhere else. A link on
 * any other host is fetched without a credential (download.ts); should Procore move files to a new
 * host, it is added here, in one place.
 */
export const FILE_HOSTS: readonly string[] = ['storage.procore.com'];

function parse(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

/** True when `url` is on the credential's API origin, or on one of Procore's file hosts over https. */
export function isProcoreHost(url: string, apiBaseUrl: string): boolean {
	const target = parse(url);
	const base = parse(apiBaseUrl);
	if (!target) return false;
	if (base && target.origin === base.origin) return true;
	if (target.protocol !== 'https:' || target.port !== '') return false;
	return FILE_HOSTS.includes(target.hostname.toLowerCase());
}

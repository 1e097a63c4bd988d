/**
 * The Docs links n8n shows for the nodes and the credential open this package's usage docs (its
 * README sections and docs/ on the repository of package.json), and each README anchor exists.
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

import { ProcoreOAuth2Api } from '../../credentials/ProcoreOAuth2Api.credentials';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
const REPO = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
const anchors = new Set(
	readFileSync(join(ROOT, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => slug(line.replace(/^#+ /, ''))),
);

function checkLink(url: string): void {
	expect(url.startsWith(`${REPO}#`) || url.startsWith(`${REPO}/blob/main/`)).toBe(true);
	if (url.startsWith(`${REPO}#`)) expect(anchors).toContain(url.slice(REPO.length + 1));
	else expect(existsSync(join(ROOT, url.slice(`${REPO}/blob/main/`.length)))).toBe(true);
}

describe('Docs links', () => {
	it.each(['nodes/Procore/Procore.node.json', 'nodes/ProcoreTrigger/ProcoreTrigger.node.json'])('%s points at this package\'s docs', (file) => {
		const codex = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { resources: Record<string, Array<{ url: string }>> };
		const urls = Object.values(codex.resources).flat().map((r) => r.url);
		expect(urls.length).toBeGreaterThan(1);
		urls.forEach(checkLink);
	});

	it('the credential points at its README section', () => {
		checkLink(new ProcoreOAuth2Api().documentationUrl);
	});
});

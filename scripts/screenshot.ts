/**
 * Screenshot of the n8n editor with a template open (docs/images/*.png, shown in the README).
 * Not part of the tests (the panel screenshots are: test/e2e/editor.test.ts): run by hand when the
 * templates change, with Debian's Chromium (`apt-get install chromium`) and the pinned playwright-core:
 *
 *   scripts/node24.sh npx tsx scripts/screenshot.ts [templateId] [out.png]
 */
import path from 'path';

import { startSandbox } from '../sandbox';
import { startN8n } from './lib/n8n';

const ROOT = path.resolve(__dirname, '..');

/** The part of playwright-core used here. */
interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string): { first(): { fill(value: string): Promise<void> } };
	keyboard: { press(key: string): Promise<void> };
	waitForURL(match: (url: URL) => boolean, options: { timeout: number }): Promise<void>;
	waitForSelector(selector: string, options: { timeout: number }): Promise<unknown>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string }): Promise<unknown>;
}
interface Chromium {
	launch(options: { executablePath: string; args: string[] }): Promise<{
		newPage(options: { viewport: { width: number; height: number }; deviceScaleFactor: number }): Promise<Page>;
		close(): Promise<void>;
	}>;
}

async function main(): Promise<void> {
	const [workflowId = 'ProcoreRfiDrafts', out = path.join(ROOT, 'docs/images/editor-template.png')] = process.argv.slice(2);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { chromium } = require(process.env.PLAYWRIGHT_CORE ?? 'playwright-core') as { chromium: Chromium };
	const sandbox = await startSandbox({ port: 0 });
	const n8n = await startN8n({ userFolder: path.join(ROOT, '.cache/screenshot'), sandboxUrl: sandbox.url, companyId: sandbox.companyId, seed: sandbox.seed });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		// This machine's network is closed: without these Chromium keeps retrying Google's hosts.
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
		await page.goto(`${n8n.url}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(n8n.email);
		await page.locator('input[type="password"]').first().fill(n8n.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
		await page.goto(`${n8n.url}/workflow/${workflowId}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await page.waitForTimeout(3000);
		// Fit the whole workflow into view (the canvas's "zoom to fit" shortcut).
		await page.keyboard.press('1');
		await page.waitForTimeout(1500);
		await page.screenshot({ path: out });
		console.log(`wrote ${out}`);
	} finally {
		await browser.close();
		await n8n.stop();
		await sandbox.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

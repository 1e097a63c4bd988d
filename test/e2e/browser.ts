/**
 * n8n's editor in a real browser: Debian's Chromium driven by playwright-core (which downloads no
 * browser of its own; scripts/test.sh installs `chromium` when it is missing). Selectors are n8n's
 * own `data-test-id` attributes (the ones n8n's Playwright suite uses), read from n8n 2.41's editor.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

import { state } from './env';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Where the README's screenshots live (the browser test retakes them on every run). */
export const IMAGES = path.resolve(__dirname, '../../docs/images');

selectors.setTestIdAttribute('data-test-id');

export async function openBrowser(): Promise<{ browser: Browser; page: Page }> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: npm test installs Debian's package (apt-get install -y chromium), or set CHROMIUM to a Chromium binary.`);
	}
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		// No network beyond this machine: without these Chromium keeps calling Google's services.
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
	// A loaded machine (the e2e suite's n8n, the sandbox and this browser share 2 cores) is slow.
	page.setDefaultTimeout(60_000);
	return { browser, page };
}

export async function signIn(page: Page): Promise<void> {
	await page.goto(`${state.n8nUrl}/signin`);
	await page.locator('input[type="email"]').fill(state.email);
	await page.locator('input[type="password"]').fill(state.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 120_000 });
}

/** A new, empty workflow on the canvas; resolves with its id. */
export async function newWorkflow(page: Page): Promise<string> {
	await page.goto(`${state.n8nUrl}/workflow/new`);
	await page.waitForURL((url) => /\/workflow\/[A-Za-z0-9]+/.test(url.pathname) && !url.pathname.endsWith('/new'));
	await page.getByTestId('canvas-plus-button').waitFor();
	return /\/workflow\/([A-Za-z0-9]+)/.exec(new URL(page.url()).pathname)![1];
}

/** Opens the node creator on an empty canvas and searches for `query`; resolves with the item names. */
export async function searchNodes(page: Page, query: string): Promise<Locator> {
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
	return page.getByTestId('node-creator-item-name');
}

/** The parameter named `name` in the open panel (node or credential). */
export const parameter = (page: Page, name: string): Locator => page.getByTestId(`parameter-input-${name}`);

/** Chooses an option of an options parameter by the option's name, as shown. */
export async function choose(page: Page, name: string, option: string): Promise<void> {
	await parameter(page, name).click();
	const headline = page.locator('.option-headline').getByText(option, { exact: true });
	// Options with a description show it under a headline; those without show their name alone.
	const item = page.locator('.el-select-dropdown__item:visible').filter({ has: headline }).or(
		page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${escape(option)}\\s*$`) }),
	);
	await item.first().click();
}

export async function fill(page: Page, name: string, value: string): Promise<void> {
	await parameter(page, name).locator('input, textarea').first().fill(value);
}

/** Picks `text` from a resource locator's list ("From list", served by a list-search method). */
export async function pickFromList(page: Page, name: string, text: string): Promise<string[]> {
	await page.getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
	const items = page.getByTestId('rlc-item');
	await items.first().waitFor();
	const offered = await items.allTextContents();
	await items.filter({ hasText: text }).first().click();
	return offered;
}

/**
 * Opens a resource locator's list, types `search` into its filter (served by the list-search method
 * with that filter) and picks the item showing `text`; resolves with the items the search offered.
 */
export async function searchAndPick(page: Page, name: string, search: string, text: string): Promise<string[]> {
	await page.getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
	await page.getByTestId('rlc-search').filter({ visible: true }).first().fill(search);
	const items = page.getByTestId('rlc-item');
	await items.filter({ hasText: text }).first().waitFor();
	// The list is re-fetched for the filter: wait until it shows only matches.
	await page.waitForTimeout(500);
	const offered = (await items.allTextContents()).map((t) => t.trim());
	await items.filter({ hasText: text }).first().click();
	return offered;
}

/** Adds the option `option` to the collection parameter labelled `label` ("Add Field", "Add Option"). */
export async function addToCollection(page: Page, label: string, option: string): Promise<void> {
	await page.getByTestId('parameter-item').filter({ hasText: label }).getByTestId('collection-parameter-add').first().click();
	await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${escape(option)}\\s*$`) }).first().click();
}

/**
 * A picture of the open node panel's parameters, whole: the viewport grows until the parameters
 * need no scrolling, and the picture is cut to the parameters column.
 */
export async function panelScreenshot(page: Page, file: string): Promise<string> {
	const params = page.getByTestId('node-parameters');
	// No focused field: its hints and tooltips would cover the fields below it.
	await page.evaluate('document.activeElement && document.activeElement.blur()');
	await page.waitForTimeout(300);
	const hidden = await params.evaluate((element: DomElement) => {
		const style = (globalThis as unknown as { getComputedStyle(e: DomElement): { overflowY: string } }).getComputedStyle;
		for (let el: DomElement | null = element; el; el = el.parentElement) {
			if (el.scrollHeight > el.clientHeight + 1 && style(el).overflowY !== 'visible') return el.scrollHeight - el.clientHeight;
		}
		return 0;
	});
	const viewport = page.viewportSize()!;
	if (hidden > 0) {
		await page.setViewportSize({ width: viewport.width, height: viewport.height + hidden + 40 });
		await page.waitForTimeout(500);
	}
	const column = await page.getByTestId('tab-params').boundingBox();
	const box = await params.boundingBox();
	// Down to the last field (below it: n8n's "I wish this node would…" link and blank space).
	const bottom = await params.evaluate((element: DomElement) =>
		Math.max(...Array.from(element.querySelectorAll('[data-test-id="parameter-item"]')).map((e) => e.getBoundingClientRect().bottom)),
	);
	const out = path.join(IMAGES, file);
	await page.screenshot({
		path: out,
		clip: {
			x: Math.max(0, box!.x - 16),
			y: Math.max(0, column!.y - 12),
			width: box!.width + 32,
			height: Math.min(bottom, box!.y + box!.height) - column!.y + 28,
		},
	});
	await page.setViewportSize(viewport);
	return out;
}

/** What the page functions above use of the DOM (the tests compile without the DOM library). */
interface DomElement {
	scrollHeight: number;
	clientHeight: number;
	parentElement: DomElement | null;
	querySelectorAll(selector: string): ArrayLike<DomElement>;
	getBoundingClientRect(): { bottom: number };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

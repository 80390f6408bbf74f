import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserType, Page } from 'playwright-core';
import { e2eNow } from './clock.ts';
import { root } from './server.ts';

const require = createRequire(`${root}package.json`);

/**
 * Chromium whose every context runs on the tests' clock (e2e/helpers/clock.ts), as
 * the server does: the staff and patient pages compute "today" in the browser.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = require('playwright-core') as { chromium: BrowserType };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const open = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await open(options);
    // Time runs on naturally from there; only the start is chosen.
    await context.clock.install({ time: e2eNow() });
    return context;
  };
  return browser;
}

/** A fresh context (own cookies), under the app's real CSP. */
export async function newContext(browser: Browser, lang: 'ja' | 'en' = 'ja'): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'ja-JP', viewport: { width: 1280, height: 800 } });
  // The whole suite shares a small CI machine with the server under test: be patient, not flaky.
  context.setDefaultTimeout(60_000);
  return context;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical WCAG 2 A/AA violations on the page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused).
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

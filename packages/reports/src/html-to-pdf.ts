import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Prints self-contained HTML to an A4 PDF with the system Chromium (the Noto CJK fonts make the
 * Japanese text embed correctly): a fresh profile each time, offline, nothing fetched. Chromium is
 * loaded only when a PDF is asked for.
 */
export async function htmlToPdf(html: string, options: { readonly executablePath?: string } = {}): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const dir = await mkdtemp(join(tmpdir(), 'mm-pdf-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    offline: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await ctx.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' }, printBackground: true });
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

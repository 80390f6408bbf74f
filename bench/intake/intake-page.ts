// Weight and Largest Contentful Paint of the WEB問診 patient page, in headless Chromium with a 4×
// CPU slowdown and a slow mobile network (CDP Emulation.setCPUThrottlingRate and
// Network.emulateNetworkConditions). Run: `node --import tsx bench/intake/intake-page.ts`
// (builds the web app first if there is no build). Prints a Markdown section for docs/benchmarks.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/helpers/browser.ts';
import { ensureWebBuild, root } from '../../e2e/helpers/server.ts';
import { startIntakeHarness } from '../../e2e/intake-harness.ts';

const RUNS = Number(process.env.RUNS ?? 7);

/** Network profiles: Lighthouse's mobile "slow 4G", and a more pessimistic one. */
const PROFILES = [
  { name: 'slow 4G (Lighthouse mobile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up)', latency: 150, down: 1.6e6, up: 0.75e6 },
  {
    name: "pessimistic (562.5 ms RTT, 1.44 Mbit/s down, 675 kbit/s up: the figures of Chrome DevTools' Fast 3G, now Slow 4G, preset)",
    latency: 562.5,
    down: 1.44e6,
    up: 0.675e6,
  },
] as const;

function jsWeight(): { files: Array<{ file: string; raw: number; gz: number }>; gz: number } {
  const dir = join(root, 'packages/web/dist/patient/assets');
  const html = readFileSync(join(root, 'packages/web/dist/patient/patient.html'), 'utf8');
  // Every script the page loads: the entry and its preloaded chunks (the patient pages have one bundle).
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') && html.includes(f));
  const rows = files.map((f) => {
    const b = readFileSync(join(dir, f));
    return { file: f, raw: b.length, gz: gzipSync(b, { level: 9 }).length };
  });
  return { files: rows, gz: rows.reduce((s, r) => s + r.gz, 0) };
}

async function lcpOf(page: Page, url: string, waitFor: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page
    .locator(waitFor)
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (e) => {
      throw new Error(`${String(e)}\n${page.url()}\n${await page.locator('body').innerText()}`);
    });
  await page.waitForTimeout(500);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(last), 100);
      }),
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

ensureWebBuild();
const weight = jsWeight();
const h = await startIntakeHarness();
const browser = await launchBrowser();
try {
  const reception = await h.staff('reception');
  const pid = (
    await h.call<{ patient: { id: string } }>(reception, 'POST', '/api/patients', {
      nameKanji: '見守 花子',
      nameKana: 'ミマモリ ハナコ',
      birthDate: '1990-06-15',
      sex: 'female',
    })
  ).patient.id;
  const sent = await h.call<{ intakeId: string; link: { url: string } }>(reception, 'POST', `/api/patients/${pid}/intakes`, {
    email: false,
  });
  const results: Array<{ profile: string; link: number[]; intake: number[] }> = [];
  for (const profile of PROFILES) {
    const link: number[] = [];
    const intake: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each run: a cold cache, as when the patient taps the link in a mail.
      const ctx = await browser.newContext({
        locale: 'ja-JP',
        viewport: { width: 360, height: 740 },
        isMobile: true,
        deviceScaleFactor: 2,
      });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: profile.latency,
        downloadThroughput: profile.down / 8,
        uploadThroughput: profile.up / 8,
      });
      link.push(await lcpOf(page, sent.link.url, 'button.appt-btn, button.btn--primary'));
      await page.getByRole('button').filter({ hasText: '続ける' }).click();
      await page.waitForURL(/\/p\/intake\//);
      // The intake page itself, loaded cold (resuming from the link, or a reload).
      intake.push(await lcpOf(page, `${h.baseUrl}/p/intake/${sent.intakeId}`, '.intake h1'));
      await ctx.close();
    }
    results.push({ profile: profile.name, link, intake });
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '## Intake page',
    '',
    `Run with \`node --import tsx bench/intake/intake-page.ts\` (median of ${RUNS} cold loads each; headless Chromium at 360×740, CPU slowed 4× with \`Emulation.setCPUThrottlingRate\`, network by \`Network.emulateNetworkConditions\`, cache disabled; ${os.cpus().length} × ${cpu}, Node ${process.version}). Server on 127.0.0.1, so the network delay is the emulated one.`,
    '',
    `JavaScript of the patient pages (everything \`/p/\` loads, the intake included): **${(weight.gz / 1024).toFixed(1)} kB gzipped** (${weight.files.map((f) => `\`${f.file}\` ${(f.raw / 1024).toFixed(1)} kB raw, ${(f.gz / 1024).toFixed(1)} kB gz`).join('; ')}). Target ≤ 80 kB.`,
    '',
    '| network | link page LCP (ms) | intake page LCP (ms) | intake runs (ms) |',
    '|---|---:|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.profile} | ${median(r.link).toFixed(0)} | **${median(r.intake).toFixed(0)}** | ${r.intake.map((x) => x.toFixed(0)).join(', ')} |`,
    ),
    '',
    'Target: LCP under 1500 ms on slow 4G. The intake page draws its welcome text as soon as the script runs and fetches the session and the form in parallel. The link page (`/p/l/<token>`, shared by every patient link) waits for `GET /api/p/links/:token` before its text appears. Measured on a shared machine under load (load average ' +
      os.loadavg()[0].toFixed(1) +
      ' at the end), so the figures are pessimistic.',
  ];
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await h.stop();
}

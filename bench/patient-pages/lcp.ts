// Largest Contentful Paint of the pages a patient opens first, as the issue asks them measured: a
// 360×740 phone, CPU slowed 4×, 400 ms round trip, 400 kbit/s down and up, cold cache. The public
// clinic page, the sign-in page, the link page (`/p/l/<token>`) and the WEB問診
// page, taking turns in each round.
//
// Run: `node --import tsx bench/patient-pages/lcp.ts [--runs 5] [--dist name=path ...]`.
// With several `--dist` (built web apps, e.g. a copy of an older build), each gets its own server
// and the same pages are measured on each in the same round, so the figures sit side by side.
// Prints a Markdown section for docs/benchmarks.md.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/helpers/browser.ts';
import { ensureWebBuild, root } from '../../e2e/helpers/server.ts';
import { startIntakeHarness, type IntakeHarness } from '../../e2e/intake-harness.ts';
import { seedDemoPublicSite } from '../../packages/storage/src/admin/seed-demo-public-site.ts';
import { e2eClock } from '../../e2e/helpers/clock.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const RUNS = opt('--runs', 5);
const DISTS: Array<{ name: string; path: string }> = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') {
    const [name, path] = String(args[i + 1]).split('=');
    DISTS.push({ name: name!, path: path! });
  }
}
if (DISTS.length === 0) DISTS.push({ name: 'this build', path: join(root, 'packages/web/dist') });

const THROTTLE = { cpu: 4, rttMs: 400, kbps: 400 };

interface Weight {
  readonly files: Array<{ file: string; raw: number; gz: number }>;
  readonly gz: number;
}

/** Every patient script the build holds (the entry and every page chunk): the most any patient could load. */
function jsWeight(dist: string): Weight {
  const dir = join(dist, 'patient/assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const rows = files.map((f) => {
    const b = readFileSync(join(dir, f));
    return { file: f, raw: b.length, gz: gzipSync(b, { level: 9 }).length };
  });
  return { files: rows.sort((a, b) => b.gz - a.gz), gz: rows.reduce((s, r) => s + r.gz, 0) };
}

interface Probe {
  lcp: number;
  bytes: number;
  /** The element that was the largest paint, as `tag.class`. */
  el: string;
}

async function measure(browser: Browser, url: string, waitFor: string, then?: (page: Page) => Promise<string>): Promise<Probe[]> {
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bps = (THROTTLE.kbps * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: THROTTLE.rttMs, downloadThroughput: bps, uploadThroughput: bps });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength?: number }) => (bytes += e.encodedDataLength ?? 0));
    await page.addInitScript(() => {
      (globalThis as { __lcp?: number }).__lcp = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          (globalThis as { __lcp?: number }).__lcp = e.startTime;
          const el = (e as unknown as { element?: Element | null }).element;
          (globalThis as { __lcpEl?: string }).__lcpEl = el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '?';
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const one = async (u: string, sel: string): Promise<Probe> => {
      bytes = 0;
      await page.goto(u, { waitUntil: 'load', timeout: 120_000 });
      await page.locator(sel).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1000);
      const [lcp, el] = await page.evaluate(() => [(globalThis as { __lcp?: number }).__lcp ?? 0, (globalThis as { __lcpEl?: string }).__lcpEl ?? '?'] as const);
      return { lcp, bytes, el };
    };
    const out = [await one(url, waitFor)];
    if (then) {
      const next = await then(page);
      out.push(await one(next, '.intake h1'));
    }
    return out;
  } finally {
    await ctx.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const PAGES = ['public page `/p/`', 'sign-in `/p/signin`', 'link page `/p/l/…`', 'WEB問診 page `/p/intake/…`'] as const;
type PageName = (typeof PAGES)[number];

for (const d of DISTS) if (!existsSync(join(d.path, 'patient/patient.html'))) ensureWebBuild();
const servers: Array<{ dist: (typeof DISTS)[number]; h: IntakeHarness; linkUrl: string; intakeId: string; weight: Weight }> = [];
for (const dist of DISTS) {
  const h = await startIntakeHarness({ config: { webDist: dist.path } });
  await seedDemoPublicSite(h.db.db, { clinicId: h.clinicId, now: e2eClock().toISOString() });
  const reception = await h.staff('nurse');
  const pid = (
    await h.call<{ patient: { id: string } }>(reception, 'POST', '/api/patients', { nameKanji: '見守 花子', nameKana: 'ミマモリ ハナコ', birthDate: '1990-06-15', sex: 'female' })
  ).patient.id;
  const sent = await h.call<{ intakeId: string; link: { url: string } }>(reception, 'POST', `/api/patients/${pid}/intakes`, { email: false });
  servers.push({ dist, h, linkUrl: sent.link.url, intakeId: sent.intakeId, weight: jsWeight(dist.path) });
}
const browser = await launchBrowser();
const results = new Map<string, Map<PageName, Probe[]>>(DISTS.map((d) => [d.name, new Map(PAGES.map((p) => [p, [] as Probe[]]))]));
try {
  for (let i = 0; i < RUNS; i++) {
    for (const s of servers) {
      const r = results.get(s.dist.name)!;
      const base = s.h.baseUrl;
      r.get('public page `/p/`')!.push(...(await measure(browser, `${base}/p/`, 'h1')));
      r.get('sign-in `/p/signin`')!.push(...(await measure(browser, `${base}/p/signin`, 'main h1, main h2')));
      const [link, intake] = await measure(browser, s.linkUrl, 'button.appt-btn, button.btn--primary', async (page) => {
        await page.getByRole('button').filter({ hasText: '続ける' }).click();
        await page.waitForURL(/\/p\/intake\//);
        return `${base}/p/intake/${s.intakeId}`;
      });
      r.get('link page `/p/l/…`')!.push(link!);
      r.get('WEB問診 page `/p/intake/…`')!.push(intake!);
    }
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const kb = (n: number): string => (n / 1024).toFixed(1);
  const lines = [
    `Run with \`node --import tsx bench/patient-pages/lcp.ts --runs ${RUNS}${DISTS.length > 1 ? DISTS.map((d) => ` --dist ${d.name}=…`).join('') : ''}\` (median of ${RUNS} cold loads each, the builds taking turns; headless Chromium at 360×740, CPU slowed ${THROTTLE.cpu}×, ${THROTTLE.rttMs} ms round trip, ${THROTTLE.kbps} kbit/s down and up, cache disabled; ${os.cpus().length} × ${cpu}, Node ${process.version}; load average ${os.loadavg()[0]!.toFixed(1)} at the end). Server on 127.0.0.1, so the network delay is the emulated one.`,
    '',
    `| page | ${DISTS.map((d) => `${d.name}: LCP median (ms) | runs (largest element) | bytes`).join(' | ')} |`,
    `|---|${DISTS.map(() => '---:|---|---:').join('|')}|`,
    ...PAGES.map((p) => {
      const cells = DISTS.map((d) => {
        const xs = results.get(d.name)!.get(p)!;
        return `**${median(xs.map((x) => x.lcp)).toFixed(0)}** | ${xs.map((x) => x.lcp.toFixed(0)).join(', ')} (${[...new Set(xs.map((x) => `\`${x.el}\``))].join(', ')}) | ${kb(median(xs.map((x) => x.bytes)))} kB`;
      });
      return `| ${p} | ${cells.join(' | ')} |`;
    }),
    '',
    ...servers.map(
      (s) =>
        `Patient JavaScript, ${s.dist.name}: **${kb(s.weight.gz)} kB gzipped in all** (${s.weight.files.map((f) => `\`${f.file}\` ${kb(f.raw)} kB raw, ${kb(f.gz)} kB gz`).join('; ')}).`,
    ),
  ];
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  for (const s of servers) await s.h.stop();
}

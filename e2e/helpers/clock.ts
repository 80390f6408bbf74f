// The browser tests' clock. Every server they start (`startServer`, the in-process harnesses) and
// every browser context runs from the same instant, so no test depends on the day it runs:
// E2E_NOW (an ISO 8601 instant; `scripts/test-dates.mjs` sets it) or E2E_DEFAULT_NOW.

/** 2026-12-07 10:00 in Tokyo, a Monday: a fixed reference date for the browser tests. */
export const E2E_DEFAULT_NOW = '2026-12-07T10:00:00+09:00';

const start = Date.parse(process.env.E2E_NOW ?? E2E_DEFAULT_NOW);
if (!Number.isFinite(start)) throw new Error(`E2E_NOW=${process.env.E2E_NOW} is not an ISO 8601 instant`);
const offset = start - Date.now();

/** "Now" for the browser tests, in ms: the fixed start instant, running on in real time. */
export function e2eNow(): number {
  return Date.now() + offset;
}

/** The same as a clock for an in-process server (`createApp({ clock })`). */
export const e2eClock = (): Date => new Date(e2eNow());

/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Health } from './health-api.ts';
import { healthProblems } from './health-problems.ts';
import { healthEn } from './health-en.ts';
import { healthJa } from './health-ja.ts';

const integrity = { status: 'ok', method: 'quick_check', checkedAt: '2026-04-01T00:00:00.000Z' } as const;
const disk = (freeBytes: number | null) => ({ freeBytes, warnBelowBytes: 2 ** 30, lastFullAt: null });

const well: Health = {
  status: 'ok',
  clock: { source: 'ntp.nict.jp', offsetMs: 12, problem: null },
  storage: { problems: [], integrity, disk: disk(50 * 2 ** 30) },
};

test('a healthy server gives no line', () => {
  assert.deepEqual(healthProblems(well), []);
});

test('each problem gives one line, the damaged database first', () => {
  const h: Health = {
    status: 'degraded',
    clock: { source: 'ntp.nict.jp', offsetMs: -2_345, problem: 'offset_over_limit' },
    storage: { problems: ['disk_space_low', 'database_corrupt'], integrity: { ...integrity, status: 'corrupt' }, disk: disk(512 * 2 ** 20 + 999) },
  };
  assert.deepEqual(healthProblems(h), [
    { key: 'health.corrupt' },
    { key: 'health.diskLow', values: { free: 512 } },
    { key: 'health.clockOffset', values: { seconds: '2.3', source: 'ntp.nict.jp' } },
  ]);
});

test('a full disk, an unknown free space and an unreachable time source', () => {
  assert.deepEqual(healthProblems({ ...well, status: 'degraded', storage: { problems: ['disk_full'], integrity, disk: { ...disk(0), lastFullAt: '2026-04-01T00:00:00.000Z' } } }), [
    { key: 'health.diskFull' },
  ]);
  assert.deepEqual(healthProblems({ ...well, status: 'degraded', storage: { problems: ['disk_space_low'], integrity, disk: disk(null) } }), [
    { key: 'health.diskLowUnknown' },
  ]);
  // Without a source name the dictionary's "not set" stands in (no `source` value).
  assert.deepEqual(healthProblems({ ...well, status: 'degraded', clock: { source: null, offsetMs: null, problem: 'source_unreachable' } }), [
    { key: 'health.clockUnreachable', values: {} },
  ]);
});

test('every key the lines use exists in both languages with the same placeholders', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const k of Object.keys(healthJa) as (keyof typeof healthJa)[]) {
    assert.deepEqual(placeholders(healthEn[k]), placeholders(healthJa[k]), k);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween } from '../time/index.ts';
import { EXOSOME_PROGRAM, TMS_PROGRAM } from './example-programs.ts';
import { proposeSchedule } from './propose-schedule.ts';

// Random clinics: each of the next 400 days is open or closed.
const calendar = fc.record({
  start: fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n)),
  closed: fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
});

test('fixed-interval sessions: ordered, on open days inside their windows, or listed as conflicts', () => {
  fc.assert(
    fc.property(calendar, ({ start, closed }) => {
      const isOpenDay = (d: string): boolean => {
        const i = daysBetween(start, d);
        return i < 0 || i >= closed.length || !closed[i];
      };
      const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: start, isOpenDay });
      const sessions = p.items.filter((i) => i.kind === 'session');
      assert.equal(sessions.length, 5);
      const conflicted = new Set(p.conflicts.map((c) => c.itemId));
      for (const [k, s] of sessions.entries()) {
        if (k > 0) assert.ok(s.date > sessions[k - 1]!.date || conflicted.has(s.id), `${s.id} not after previous`);
        if (conflicted.has(s.id)) continue;
        assert.ok(isOpenDay(s.date), `${s.id} on a closed day`);
        assert.ok(s.date >= s.windowStart && s.date <= s.windowEnd, `${s.id} outside its window`);
        // The nominal dates stay 14 days apart from day 0, whatever happened to earlier sessions.
        assert.equal(daysBetween(p.day0, s.targetDate), k * 14);
      }
      // Every shift is recorded and every recorded shift is real.
      for (const sh of p.shifts) assert.notEqual(sh.from, sh.to);
      for (const i of p.items)
        if (i.date !== i.targetDate) assert.ok(p.shifts.some((sh) => sh.itemId === i.id) || i.id === 'session-1', `${i.id} moved silently`);
    }),
    { numRuns: 300 },
  );
});

test('daily sessions never land on a closed day and never repeat a date', () => {
  fc.assert(
    fc.property(calendar, ({ start, closed }) => {
      const isOpenDay = (d: string): boolean => {
        const i = daysBetween(start, d);
        return i < 0 || i >= closed.length || !closed[i];
      };
      const p = proposeSchedule({ program: TMS_PROGRAM, enrolmentDate: start, isOpenDay });
      const dates = p.items.filter((i) => i.kind === 'session').map((i) => i.date);
      assert.equal(new Set(dates).size, 30);
      if (p.conflicts.length === 0) assert.ok(dates.every(isOpenDay));
      assert.deepEqual(dates, [...dates].sort());
    }),
    { numRuns: 200 },
  );
});

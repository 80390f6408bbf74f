/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleNav } from './nav.ts';

const paths = (perms: string[]): string[] => visibleNav(perms).map((i) => i.to);

test('the menu shows what the role may open', () => {
  // No permissions at all: home, and nothing that shows patient data or administration.
  assert.ok(paths([]).includes('/'));
  for (const p of ['/patients', '/staff', '/audit']) assert.ok(!paths([]).includes(p), p);
  assert.ok(paths(['patients:read', 'patients:write']).includes('/patients'));
  assert.ok(!paths(['patients:read', 'patients:write']).includes('/staff'));
  assert.deepEqual(
    paths(['patients:read', 'patients:write', 'staff:admin', 'audit:read']).filter((p) => ['/staff', '/audit'].includes(p)),
    ['/staff', '/audit'],
  );
});

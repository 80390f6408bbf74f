/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { permissionMatrix, type Permission } from '@mimamori/core/auth/permissions';
import { NAV_ITEMS, visibleNav } from './nav.ts';
import { STAFF_ROUTES } from './routes.ts';

const paths = (perms: Permission[]): string[] => visibleNav(perms).map((i) => i.to);

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

test('the calendar settings page is a menu entry for the roles that may edit it, not only a link on 予約', () => {
  assert.deepEqual(permissionMatrix['scheduling:admin'], ['admin']);
  assert.ok(paths(['appointments:read', 'scheduling:admin']).includes('/calendar-admin'));
  assert.ok(!paths(['appointments:read', 'appointments:write']).includes('/calendar-admin'), 'reception without the permission does not see it');
});

test('every staff page has one row, a permission from the matrix, and the menu follows the table', () => {
  const paths = STAFF_ROUTES.map((r) => r.path);
  assert.equal(new Set(paths).size, paths.length, 'a path appears twice');
  for (const r of STAFF_ROUTES) {
    assert.ok(r.access === 'authenticated' || r.access in permissionMatrix, `${r.path}: ${r.access}`);
    assert.ok(!r.path.startsWith('/'), `${r.path} is relative to the app root`);
    if (r.nav) assert.ok(!r.path.includes(':'), `${r.path}: a menu entry needs a path without parameters`);
  }
  // The menu: Home first, then the table's menu rows with the row's permission.
  assert.deepEqual(
    NAV_ITEMS.map((i) => [i.to, i.permission ?? null]),
    [
      ['/', null],
      ['/patients', 'patients:read'],
      ['/appointments', 'appointments:read'],
      ['/calendar-admin', 'scheduling:admin'],
      ['/settings/clinic', 'scheduling:admin'],
      ['/settings/resources', 'scheduling:admin'],
      ['/intake', 'intake:admin'],
      ['/scales', 'scales:deliver'],
      ['/programs', 'programs:read'],
      ['/analysis', 'programs:export'],
      ['/oncall', 'crisis:edit'],
      ['/outbox', 'outbox:read'],
      ['/billing', 'billing:read'],
      ['/public-site', 'site:edit'],
      ['/applications', 'recruitment:queue'],
      ['/staff', 'staff:admin'],
      ['/audit', 'audit:read'],
      ['/backups', 'staff:admin'],
    ],
  );
});

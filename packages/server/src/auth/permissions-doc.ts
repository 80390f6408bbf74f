import { BREAK_GLASS_HOURS, emergencyReadPermissions, permissionDescriptions, permissionMatrix, roles, type Permission } from '@mimamori/core';
import type { RouteInfo } from '../app.ts';

/** Renders docs/permissions.md from the permission matrix and the app's route table. */
export function renderPermissionsDoc(routes: ReadonlyArray<RouteInfo>): string {
  const perms = Object.keys(permissionMatrix) as Permission[];
  const yes = (p: Permission, r: string) => ((permissionMatrix[p] as ReadonlyArray<string>).includes(r) ? '✅' : '—');
  const out = [
    '# Permission matrix / 権限表',
    '',
    'Generated from `packages/core/src/auth/permissions.ts` and the server\'s route table by',
    '`npm run docs:permissions`; `packages/server/test/permission-matrix.test.ts` fails when this file',
    'is out of date and calls every route as every role to check that the server enforces it.',
    '',
    '## Roles × permissions',
    '',
    `| permission | ${roles.join(' | ')} | 説明 / description |`,
    `|---|${roles.map(() => '---').join('|')}|---|`,
    ...perms.map((p) => `| \`${p}\` | ${roles.map((r) => yes(p, r)).join(' | ')} | ${permissionDescriptions[p].ja} / ${permissionDescriptions[p].en} |`),
    '',
    '`public` routes need no session; `authenticated` routes need any signed-in staff member.',
    'State-changing requests also need the session\'s CSRF token (`x-csrf-token`) and a same-origin `Origin`.',
    'Routes marked **re-auth** also need a password + TOTP authentication within the last 5 minutes',
    '(`POST /api/auth/reauth`); otherwise they answer `reauth_required` (403).',
    '',
    `**Break-glass** (\`POST /api/auth/break-glass\`, with a reason and a recent re-authentication): for at most ${BREAK_GLASS_HOURS} hours a`,
    `session may also read (GET only) what ${emergencyReadPermissions.map((p) => `\`${p}\``).join(', ')} cover; every such read is`,
    'audited as `breakglass.access` and the clinic\'s administrators are mailed when it starts.',
    '',
    '## Routes',
    '',
    '| method | path | requires |',
    '|---|---|---|',
    ...[...routes]
      .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))
      .map((r) => `| ${r.method} | \`${r.url}\` | ${r.access === 'public' || r.access === 'authenticated' ? r.access : `\`${r.access}\``}${r.recentAuth ? ' + **re-auth**' : ''} |`),
    '',
  ];
  return out.join('\n');
}

import type { Permission } from '../../shared/api/types.ts';

export interface NavItem {
  /** Route path. */
  readonly to: string;
  /** i18n key of the label. */
  readonly label: string;
  /** Shown only with this permission (the server enforces it anyway). */
  readonly permission?: Permission;
  /** Not built yet: the page says so. */
  readonly comingSoon?: boolean;
}

/**
 * The staff navigation. A feature adds its entry here and its routes in `routes.tsx`.
 * Order is the order in the menu.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/patients', label: 'nav.patients', permission: 'patients:read' },
  { to: '/appointments', label: 'nav.appointments', permission: 'appointments:read' },
  { to: '/intake', label: 'nav.intake', permission: 'intake:admin' },
  { to: '/scales', label: 'nav.scales', permission: 'scales:deliver' },
  { to: '/programs', label: 'nav.programs', permission: 'programs:read' },
  { to: '/analysis', label: 'nav.analysis', permission: 'programs:export' },
  { to: '/oncall', label: 'nav.oncall', permission: 'crisis:edit' },
  { to: '/staff', label: 'nav.staff', permission: 'staff:admin' },
  { to: '/audit', label: 'nav.audit', permission: 'audit:read' },
];

export function visibleNav(permissions: readonly string[]): readonly NavItem[] {
  return NAV_ITEMS.filter((i) => !i.permission || permissions.includes(i.permission));
}

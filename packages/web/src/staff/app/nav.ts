import type { Permission } from '@mimamori/core/auth/permissions';
import { STAFF_ROUTES, type StaffRoute } from './routes.ts';

export interface NavItem {
  /** Route path. */
  readonly to: string;
  /** i18n key of the label. */
  readonly label: string;
  /** Shown only with this permission (the server enforces it anyway). */
  readonly permission?: Permission;
}

/** The menu entries of a route table: Home, then the rows with a `nav` label, in table order. */
export function navItemsOf(routes: readonly StaffRoute[]): readonly NavItem[] {
  return [
    { to: '/', label: 'nav.home' },
    ...routes.flatMap((r) =>
      r.nav ? [{ to: `/${r.path.replace(/\/\*$/, '')}`, label: r.nav, ...(r.access !== 'authenticated' ? { permission: r.access } : {}) }] : [],
    ),
  ];
}

/**
 * The staff navigation, read from the route table in `routes.ts`: a feature's menu entry is the
 * `nav` label of its page's row there. Order is the order in the menu.
 */
export const NAV_ITEMS: readonly NavItem[] = navItemsOf(STAFF_ROUTES);

export function visibleNav(permissions: readonly Permission[]): readonly NavItem[] {
  return NAV_ITEMS.filter((i) => !i.permission || permissions.includes(i.permission));
}

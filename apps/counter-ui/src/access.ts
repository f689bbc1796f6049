import type { Role } from '@onewindow/contracts';
import type { SessionUser } from './session';

/** A role's name as the API sends it (the contracts' `Role` enum values). */
export type RoleName = `${Role}`;

/**
 * Who may open which screen (the first segment of the address), in one table: the menu hides what a
 * role may not use and the router refuses it with 403 before the page renders. Mirrors the
 * services' @Roles on the calls each screen makes; the services still decide every call.
 * `null`: every signed-in user.
 */
export const SCREENS = {
  citizen: { label: '群众信息', roles: ['CLERK', 'OFFICER', 'SUPERVISOR'] },
  catalog: { label: '事项查询', roles: null },
  accept: { label: '受理', roles: ['CLERK', 'OFFICER', 'SUPERVISOR'] },
  inbox: { label: '待办', roles: ['CLERK', 'OFFICER', 'SUPERVISOR'] },
  applications: { label: '申请详情', roles: ['CLERK', 'OFFICER', 'SUPERVISOR'] },
  backoffice: { label: '后台审批', roles: ['OFFICER', 'SUPERVISOR'] },
} as const satisfies Record<string, { label: string; roles: readonly RoleName[] | null }>;

export type Screen = keyof typeof SCREENS;

export function isScreen(segment: string | undefined): segment is Screen {
  return !!segment && Object.prototype.hasOwnProperty.call(SCREENS, segment);
}

export function mayOpen(user: SessionUser, screen: Screen): boolean {
  const roles: readonly string[] | null = SCREENS[screen].roles;
  return roles === null || user.roles.some((r) => roles.includes(r));
}

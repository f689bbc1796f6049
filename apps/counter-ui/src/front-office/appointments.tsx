import type { SessionUser } from '../session';

/** Who may open 预约管理 (mirror the resolvers' @Roles); false until the screen lands. */
export const appointmentsVisible = (_u: SessionUser): boolean => false;

/** 预约管理 (issue 11) — placeholder. */
export function AppointmentsPage() {
  return null;
}

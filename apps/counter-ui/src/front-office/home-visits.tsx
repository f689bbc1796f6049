import type { SessionUser } from '../session';

/** Who may open 上门服务 (mirror the resolvers' @Roles); false until the screen lands. */
export const homeVisitsVisible = (_u: SessionUser): boolean => false;

/** 上门服务 (issue 11) — placeholder. */
export function HomeVisitsPage() {
  return null;
}

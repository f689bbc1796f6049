import type { SessionUser } from '../session';

/** Who may open 服务网点 (mirror the resolvers' @Roles); false until the screen lands. */
export const servicePointsVisible = (_u: SessionUser): boolean => false;

/** 服务网点 (issue 11) — placeholder. */
export function ServicePointsPage() {
  return null;
}

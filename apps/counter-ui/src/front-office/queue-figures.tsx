import type { SessionUser } from '../session';

/** Who may open 排队统计 (mirror the resolvers' @Roles); false until the screen lands. */
export const queueFiguresVisible = (_u: SessionUser): boolean => false;

/** 排队统计 (issue 11) — placeholder. */
export function QueueFiguresPage() {
  return null;
}

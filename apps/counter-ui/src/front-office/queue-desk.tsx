import type { SessionUser } from '../session';

/** Who may open 叫号工作台 (mirror the resolvers' @Roles); false until the screen lands. */
export const queueDeskVisible = (_u: SessionUser): boolean => false;

/** 叫号工作台 (issue 11) — placeholder. */
export function QueueDeskPage() {
  return null;
}

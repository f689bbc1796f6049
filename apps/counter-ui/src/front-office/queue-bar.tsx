import type { SessionUser } from '../session';

/** The clerk's queue bar (call next, recall, pause window) above every screen (issue 11) — placeholder. */
export function QueueBar(_props: { user: SessionUser }) {
  return null;
}

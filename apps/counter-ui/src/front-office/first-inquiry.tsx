import type { SessionUser } from '../session';

/** Who may open 首问登记 (mirror the resolvers' @Roles); false until the screen lands. */
export const firstInquiryVisible = (_u: SessionUser): boolean => false;

/** 首问登记 (issue 11) — placeholder. */
export function FirstInquiryPage() {
  return null;
}

/** 网上预约 (public booking), public (issue 11) — placeholder. */
export function PublicBookingPage() {
  return null;
}

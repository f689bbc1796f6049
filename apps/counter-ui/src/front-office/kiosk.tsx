/** 取号机 (kiosk ticket route), public (issue 11) — placeholder. */
export function KioskPage() {
  return null;
}

/** 大厅叫号屏 (hall display), public (issue 11) — placeholder. */
export function HallDisplayPage() {
  return null;
}

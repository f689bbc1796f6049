/** 办事指南 (public catalog with 六告知), public (issue 11) — placeholder. */
export function PublicGuidePage() {
  return null;
}

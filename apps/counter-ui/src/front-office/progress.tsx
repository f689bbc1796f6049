/** 办理进度查询 (self-service progress), public (issue 11) — placeholder. */
export function ProgressQueryPage() {
  return null;
}

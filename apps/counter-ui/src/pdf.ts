/** Files the API returns as Base64 (notices, exports): a Blob URL, revoked after a minute. */
function blobUrlOf(base64: string, mimeType: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}

/** Save a file the API returned as Base64 (XLSX / CSV exports). */
export function downloadBase64(base64: string, fileName: string, mimeType: string): void {
  const a = document.createElement('a');
  a.href = blobUrlOf(base64, mimeType);
  a.download = fileName;
  a.click();
}

/** Open a PDF the API returned as Base64 in a new tab (Blob URL), for printing. */
export function openPdf(base64: string, fileName: string): Window | null {
  const url = blobUrlOf(base64, 'application/pdf');
  const win = window.open(url, '_blank');
  if (!win) {
    // Pop-ups blocked: fall back to a download.
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
  }
  return win;
}

/** A fresh idempotency key per submission attempt (the same key on a retry of the same attempt). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

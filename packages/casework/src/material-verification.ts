import type { CatalogItem, MaterialSpec } from '@onewindow/catalog';
import type { AcceptApplicationCommand, Identity } from '@onewindow/contracts';

/** Outcome of an online check with another department (see @onewindow/online-verification). */
export type MaterialVerificationOutcome = 'FOUND' | 'NOT_FOUND' | 'SOURCE_UNAVAILABLE';

/** One material checked online at acceptance: recorded on the application, or listed on the one-time notice. */
export interface MaterialVerification {
  /** Catalog material code. */
  code: string;
  /** Department checked, e.g. HEALTH_BIRTH_CERTIFICATE, and its label (卫健出生医学证明). */
  source: string;
  sourceLabel: string;
  outcome: MaterialVerificationOutcome;
  /** ISO timestamp of the answer (or of the failure). */
  checkedAt: string;
  reference?: string;
  detail?: string;
}

export interface MaterialVerificationContext {
  item: CatalogItem;
  command: AcceptApplicationCommand;
  applicantIdNumber: string;
  actor: Identity;
  today: string;
  /** Required materials marked 免提交/网上核验 that the citizen did not present. */
  materials: readonly MaterialSpec[];
}

/** The one-time notice's note for a material whose online check did not find it: bring the paper. */
export function verificationFallbackNote(v: MaterialVerification, material?: Pick<MaterialSpec, 'name'>): string {
  const what = material?.name ?? '该材料';
  return v.outcome === 'SOURCE_UNAVAILABLE'
    ? `${v.sourceLabel}网上核验暂时无法使用，请提交${what}原件`
    : `${v.sourceLabel}网上核验未查到相关记录，请提交${what}原件`;
}

import type { ComplaintFinding, ComplaintKind } from '@onewindow/contracts';
import { ComplaintErrorCode as Code, ComplaintException } from '../complaint/complaint.exception.js';

/*
 * Findings and their consequences (seed 004): 对经审查认定民警确有责任的信访投诉案件…对责任单位予以扣分…
 * 对责任民警予以扣分…年度内因信访投诉问题两次被扣分的民警，取消立功授奖和评优资格，三次被扣分的民警将下发《提示单》.
 */

/** Kinds that complain about nobody: their finding is 不涉及. */
export const KINDS_WITHOUT_FINDING: readonly ComplaintKind[] = ['CONSULTATION', 'SUGGESTION', 'PRAISE'];

export const SUBSTANTIATED_FINDINGS: readonly ComplaintFinding[] = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED'];

export const isSubstantiated = (f: ComplaintFinding | null | undefined): f is 'SUBSTANTIATED' | 'PARTLY_SUBSTANTIATED' => !!f && SUBSTANTIATED_FINDINGS.includes(f);

/** A finding that fits the complaint's kind, and a responsible officer when the complaint is substantiated; or COMPLAINT_FINDING_INVALID. */
export function checkFinding(kind: ComplaintKind, finding: ComplaintFinding, responsibleOfficerUsername: string | null): void {
  const withoutFinding = KINDS_WITHOUT_FINDING.includes(kind);
  if (withoutFinding && finding !== 'NOT_APPLICABLE') {
    throw new ComplaintException(Code.COMPLAINT_FINDING_INVALID, '咨询、建议、表扬的核查结论只能是“不涉及”', { kind, finding });
  }
  if (!withoutFinding && finding === 'NOT_APPLICABLE') {
    throw new ComplaintException(Code.COMPLAINT_FINDING_INVALID, '投诉须核查并认定属实、部分属实或不属实', { kind, finding });
  }
  // A substantiated complaint with no responsible officer still counts as substantiated (the unit is responsible),
  // but nothing is deducted: seed 004 deducts where 民警确有责任.
  void responsibleOfficerUsername;
}

/** What an officer's deductions in one calendar year lead to. */
export const DEDUCTION_CONSEQUENCES = ['NONE', 'NO_AWARDS', 'WARNING_NOTICE'] as const;
export type DeductionConsequence = (typeof DEDUCTION_CONSEQUENCES)[number];

/** Twice in a year: 取消立功授奖和评优资格; three times or more: 下发《提示单》 (which includes the first). */
export const NO_AWARDS_AT = 2;
export const WARNING_NOTICE_AT = 3;

export function consequenceOf(deductionsInYear: number): DeductionConsequence {
  if (deductionsInYear >= WARNING_NOTICE_AT) return 'WARNING_NOTICE';
  if (deductionsInYear >= NO_AWARDS_AT) return 'NO_AWARDS';
  return 'NONE';
}

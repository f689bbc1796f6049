/**
 * Chinese labels for findings (核查结论), deduction consequences and the analysis's unit levels;
 * kept apart from complaint-labels.ts so the analysis screens stay in their own files.
 */

export const COMPLAINT_FINDING_LABELS: Record<string, string> = {
  SUBSTANTIATED: '属实',
  PARTLY_SUBSTANTIATED: '部分属实',
  NOT_SUBSTANTIATED: '不属实',
  NOT_APPLICABLE: '不涉及',
};

export const COMPLAINT_FINDING_COLORS: Record<string, string> = {
  SUBSTANTIATED: 'red',
  PARTLY_SUBSTANTIATED: 'orange',
  NOT_SUBSTANTIATED: 'green',
  NOT_APPLICABLE: 'default',
};

/** Kinds that complain about nobody: their finding is 不涉及 (the service refuses anything else). */
export const KINDS_WITHOUT_FINDING = ['CONSULTATION', 'SUGGESTION', 'PRAISE'];

/** The findings a complaint of this kind may get. */
export function findingOptions(kind: string): { value: string; label: string }[] {
  const allowed = KINDS_WITHOUT_FINDING.includes(kind) ? ['NOT_APPLICABLE'] : ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'NOT_SUBSTANTIATED'];
  return allowed.map((v) => ({ value: v, label: COMPLAINT_FINDING_LABELS[v]! }));
}

export const DEDUCTION_CONSEQUENCE_LABELS: Record<string, string> = {
  NONE: '—',
  NO_AWARDS: '取消立功授奖和评优资格',
  WARNING_NOTICE: '下发《提示单》',
};

export const DEDUCTION_CONSEQUENCE_COLORS: Record<string, string> = { NONE: 'default', NO_AWARDS: 'orange', WARNING_NOTICE: 'red' };

export const UNIT_LEVEL_LABELS: Record<string, string> = { STATION: '按派出所', DISTRICT: '按分局', CITY: '按市局' };

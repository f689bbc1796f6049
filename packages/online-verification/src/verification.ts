/** The departments whose records a window checks online instead of asking for paper (免提交, 网上核验). */
export enum VerificationSource {
  /** 民政部门 婚姻登记信息 */
  CIVIL_AFFAIRS_MARRIAGE = 'CIVIL_AFFAIRS_MARRIAGE',
  /** 卫健部门 出生医学证明 */
  HEALTH_BIRTH_CERTIFICATE = 'HEALTH_BIRTH_CERTIFICATE',
  /** 住建（不动产登记）部门 房产信息 */
  HOUSING_PROPERTY = 'HOUSING_PROPERTY',
  /** 人社部门 社会保险参保信息 */
  SOCIAL_SECURITY = 'SOCIAL_SECURITY',
}

export const VERIFICATION_SOURCE_LABELS: Readonly<Record<VerificationSource, string>> = {
  [VerificationSource.CIVIL_AFFAIRS_MARRIAGE]: '民政婚姻登记',
  [VerificationSource.HEALTH_BIRTH_CERTIFICATE]: '卫健出生医学证明',
  [VerificationSource.HOUSING_PROPERTY]: '住建房产',
  [VerificationSource.SOCIAL_SECURITY]: '人社社保',
};

/**
 * FOUND: the department holds the record, the citizen need not bring it. NOT_FOUND: it answered
 * and holds none — ask for the paper material. SOURCE_UNAVAILABLE: no usable answer (down, slow,
 * refused, malformed) — also ask for paper, saying that the online check could not be made.
 */
export type VerificationOutcome = 'FOUND' | 'NOT_FOUND' | 'SOURCE_UNAVAILABLE';
export const VERIFICATION_OUTCOMES: readonly VerificationOutcome[] = ['FOUND', 'NOT_FOUND', 'SOURCE_UNAVAILABLE'];

export interface VerificationRequest {
  /** The person the record is about (normalised 18-digit ID number). */
  subjectIdNumber: string;
  /** Catalog material being checked, e.g. BIRTH_MEDICAL_CERT. */
  materialCode: string;
  /** Further facts the department matches on (e.g. babyName, babyBirthDate, address). */
  facts?: Record<string, string>;
}

export interface VerificationResult {
  source: VerificationSource;
  outcome: VerificationOutcome;
  /** When the answer (or the failure) was seen, ISO 8601. */
  checkedAt: string;
  /** The department's record reference when FOUND (e.g. certificate number). */
  reference?: string;
  /** Why, for NOT_FOUND / SOURCE_UNAVAILABLE (HTTP status, timeout, …); never shown to citizens verbatim. */
  detail?: string;
}

/**
 * One department's online check. Implementations never throw for the department's failures: they
 * answer SOURCE_UNAVAILABLE, so the window falls back to asking the citizen.
 */
export interface VerificationAdapter<S extends VerificationSource = VerificationSource> {
  readonly source: S;
  verify(request: VerificationRequest): Promise<VerificationResult>;
}

export type MarriageRecordAdapter = VerificationAdapter<VerificationSource.CIVIL_AFFAIRS_MARRIAGE>;
export type BirthCertificateAdapter = VerificationAdapter<VerificationSource.HEALTH_BIRTH_CERTIFICATE>;
export type HousingPropertyAdapter = VerificationAdapter<VerificationSource.HOUSING_PROPERTY>;
export type SocialSecurityAdapter = VerificationAdapter<VerificationSource.SOCIAL_SECURITY>;

/** The four adapters a service verifies with, one per department. */
export type VerificationAdapters = { readonly [S in VerificationSource]: VerificationAdapter<S> };

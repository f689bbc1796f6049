import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VerificationSource, type VerificationAdapter, type VerificationAdapters, type VerificationRequest, type VerificationResult } from './verification.js';

/** What a fixture says a department holds: records by ID number, or that it is down. */
export interface SourceFixture {
  /** The department answers SOURCE_UNAVAILABLE to everything (demo of the fallback). */
  unavailable?: boolean;
  records: { idNumber: string; reference: string; note?: string }[];
}
export type VerificationFixture = Partial<Record<VerificationSource, SourceFixture>>;

/** fixtures/demo-verification.json, next to dist/ and src/ alike. */
export const DEMO_VERIFICATION_FIXTURE_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/demo-verification.json');

/** Reads and checks a fixture file; a bad file fails at boot with the path in the message. */
export function loadVerificationFixture(file: string): VerificationFixture {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const known = new Set<string>(Object.values(VerificationSource));
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('$')) continue; // $comment
    if (!known.has(key)) throw new Error(`${file}: unknown verification source ${key}`);
    const records = (value as SourceFixture).records;
    if (!Array.isArray(records) || records.some((r) => typeof r?.idNumber !== 'string' || typeof r?.reference !== 'string')) {
      throw new Error(`${file}: ${key}.records must be a list of { idNumber, reference }`);
    }
  }
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('$'))) as VerificationFixture;
}

/** A department answered from fixture data (demo and tests); no network. */
export class FixtureVerificationAdapter<S extends VerificationSource> implements VerificationAdapter<S> {
  constructor(readonly source: S, private readonly fixture: SourceFixture | undefined, private readonly now: () => Date = () => new Date()) {}

  async verify(request: VerificationRequest): Promise<VerificationResult> {
    const checkedAt = this.now().toISOString();
    if (!this.fixture || this.fixture.unavailable) return { source: this.source, outcome: 'SOURCE_UNAVAILABLE', checkedAt, detail: 'fixture: source unavailable' };
    const record = this.fixture.records.find((r) => r.idNumber.toUpperCase() === request.subjectIdNumber.toUpperCase());
    return record ? { source: this.source, outcome: 'FOUND', checkedAt, reference: record.reference } : { source: this.source, outcome: 'NOT_FOUND', checkedAt };
  }
}

/** One fixture adapter per department. */
export function fixtureAdapters(fixture: VerificationFixture, now?: () => Date): VerificationAdapters {
  const make = <S extends VerificationSource>(s: S) => new FixtureVerificationAdapter(s, fixture[s], now);
  return {
    [VerificationSource.CIVIL_AFFAIRS_MARRIAGE]: make(VerificationSource.CIVIL_AFFAIRS_MARRIAGE),
    [VerificationSource.HEALTH_BIRTH_CERTIFICATE]: make(VerificationSource.HEALTH_BIRTH_CERTIFICATE),
    [VerificationSource.HOUSING_PROPERTY]: make(VerificationSource.HOUSING_PROPERTY),
    [VerificationSource.SOCIAL_SECURITY]: make(VerificationSource.SOCIAL_SECURITY),
  };
}

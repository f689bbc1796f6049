import { createHash } from 'node:crypto';
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** A closed case in the draw's pool (from the counter's inbox projection). */
export interface DrawCase {
  number: string;
  unitCode: string;
  /** 首问责任人 (the accepting clerk): its subject, e.g. `demo:demo-clerk`. */
  firstInquiryOwnerSub: string;
}

export interface DrawInspector {
  account: string;
  name: string;
  unitCode: string;
}

export interface DrawAssignment<C extends DrawCase = DrawCase> {
  case: C;
  inspector: DrawInspector;
}

export type DrawOutcome<C extends DrawCase> =
  | { ok: true; inspectors: DrawInspector[]; assignments: DrawAssignment<C>[] }
  | { ok: false; reason: 'CASE_POOL_TOO_SMALL' | 'INSPECTOR_POOL_TOO_SMALL' }
  | { ok: false; reason: 'NO_ELIGIBLE_INSPECTOR'; caseNumber: string };

/** A seed as people record it: 4–64 letters, digits or dashes. */
export const SEED_PATTERN = /^[A-Za-z0-9-]{4,64}$/;

/** The PRNG state of a recorded seed: xoroshiro128+ (pure-rand) seeded by the first 32 bits of SHA-256(seed). */
export function generatorOf(seed: string): RandomGenerator {
  return xoroshiro128plus(createHash('sha256').update(seed, 'utf8').digest().readInt32BE(0));
}

/** The first `n` of a Fisher–Yates shuffle of `items` (the input is not changed). */
export function drawN<T>(items: readonly T[], n: number, rng: RandomGenerator): T[] {
  const a = [...items];
  for (let i = 0; i < n; i++) {
    const j = unsafeUniformIntDistribution(i, a.length - 1, rng);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

/**
 * Whether an inspector may check a case: never a case of their own unit (the case's unit nests
 * under the inspector's unit code) nor one they accepted themselves (首问责任人: the subject is
 * the account or `<issuer>:<account>`).
 */
export function mayInspect(inspector: DrawInspector, c: DrawCase): boolean {
  if (c.unitCode.startsWith(inspector.unitCode)) return false;
  const owner = c.firstInquiryOwnerSub;
  return owner !== inspector.account && !owner.endsWith(`:${inspector.account}`);
}

/**
 * 双随机: N cases and M inspectors at random, then each case to one of the drawn inspectors at
 * random among those allowed to check it. Pools are sorted (case number, account) before drawing,
 * so the same seed over the same pools gives the same draw whatever order the database returns.
 */
export function drawRandomInspection<C extends DrawCase>(input: { cases: readonly C[]; inspectors: readonly DrawInspector[]; caseCount: number; inspectorCount: number; seed: string }): DrawOutcome<C> {
  const cases = [...input.cases].sort((a, b) => a.number.localeCompare(b.number));
  const roster = [...input.inspectors].sort((a, b) => a.account.localeCompare(b.account));
  if (input.caseCount > cases.length) return { ok: false, reason: 'CASE_POOL_TOO_SMALL' };
  if (input.inspectorCount > roster.length) return { ok: false, reason: 'INSPECTOR_POOL_TOO_SMALL' };
  const rng = generatorOf(input.seed);
  const drawnCases = drawN(cases, input.caseCount, rng);
  const inspectors = drawN(roster, input.inspectorCount, rng);
  const assignments: DrawAssignment<C>[] = [];
  for (const c of drawnCases) {
    const allowed = inspectors.filter((i) => mayInspect(i, c));
    if (!allowed.length) return { ok: false, reason: 'NO_ELIGIBLE_INSPECTOR', caseNumber: c.number };
    assignments.push({ case: c, inspector: allowed[unsafeUniformIntDistribution(0, allowed.length - 1, rng)]! });
  }
  return { ok: true, inspectors, assignments };
}


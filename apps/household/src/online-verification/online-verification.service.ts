import { Inject, Injectable } from '@nestjs/common';
import type { MaterialVerification, MaterialVerificationContext } from '@onewindow/casework';
import { VERIFICATION_SOURCE_LABELS, type VerificationAdapters, type VerificationResult } from '@onewindow/online-verification';
import { verificationTargetOf } from './material-sources.js';

/** Injection token of the four department adapters (fixture or HTTP, chosen from the config). */
export const VERIFICATION_ADAPTERS = Symbol('VERIFICATION_ADAPTERS');

/**
 * Checks the materials a household application may leave at home (免提交) with the departments
 * that hold them, all at once. An adapter that throws counts as SOURCE_UNAVAILABLE: the citizen is
 * then asked for the paper, never refused because another department is down.
 */
@Injectable()
export class OnlineVerificationService {
  constructor(@Inject(VERIFICATION_ADAPTERS) private readonly adapters: VerificationAdapters) {}

  async verify(ctx: Pick<MaterialVerificationContext, 'materials' | 'applicantIdNumber' | 'command'>): Promise<MaterialVerification[]> {
    const checks = ctx.materials.flatMap((m) => {
      const target = verificationTargetOf(m.code, ctx.command.form);
      return target ? [{ code: m.code, target }] : [];
    });
    return Promise.all(
      checks.map(async ({ code, target }) => {
        const adapter = this.adapters[target.source];
        const result: VerificationResult = await adapter
          .verify({ subjectIdNumber: ctx.applicantIdNumber, materialCode: code, facts: target.facts })
          .catch((err: unknown) => ({ source: target.source, outcome: 'SOURCE_UNAVAILABLE' as const, checkedAt: new Date().toISOString(), detail: `adapter error: ${String(err)}` }));
        return {
          code, source: result.source, sourceLabel: VERIFICATION_SOURCE_LABELS[result.source], outcome: result.outcome, checkedAt: result.checkedAt,
          ...(result.reference ? { reference: result.reference } : {}), ...(result.detail ? { detail: result.detail } : {}),
        };
      }),
    );
  }
}

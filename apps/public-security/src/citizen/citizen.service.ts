import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, type Identity } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, cityScope, DomainException, hasRole } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { toClaim, toLostReport } from '../lost-found/lost-found.mapper.js';
import { LostAndFoundService } from '../lost-found/lost-found.service.js';
import { toPermit } from '../permit/permit.mapper.js';
import { PermitRepository } from '../permit/permit.repository.js';
import type { CitizenPublicSecuritySection } from './citizen.model.js';

/** The public-security section of the citizen 360 view. */
@Injectable()
export class CitizenSectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permits: PermitRepository,
    private readonly lostAndFound: LostAndFoundService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Field resolvers and entity references do not pass through the global guard, so the roles are
   * checked here. No audit row: the 360 read is audited once by household, which owns the root.
   */
  async section(actor: Identity, idNumber: string): Promise<CitizenPublicSecuritySection> {
    assertCitizenViewer(actor);
    const id = validateIdNumber(idNumber);
    if (!id.valid) return { permits: [], lostReports: [], claims: [] };
    const [permits, personal] = await Promise.all([
      this.permits.findForPerson(this.dataSource.manager, id.normalized, cityScope(actor)),
      this.lostAndFound.forPerson(actor, id.normalized),
    ]);
    const history = await this.permits.history(this.dataSource.manager, permits.map((p) => p.id));
    return {
      permits: permits.map((p) => toPermit(p, actor, history)),
      lostReports: personal.reports.map((r) => toLostReport(r, actor)),
      claims: personal.claims.map((c) => toClaim(c.claim, c.itemNumber, actor)),
    };
  }

  /** Direct public-security lookup of a citizen (not through household): audited here with its purpose. */
  async lookup(actor: Identity, idNumber: string, purpose: string): Promise<{ idNumber: string }> {
    assertCitizenViewer(actor);
    const id = validateIdNumber(idNumber);
    if (!id.valid) throw new DomainException('INVALID_ID_NUMBER', `身份证号码无效：${id.message}`, { reason: id.reason });
    await this.audit.record(actor, { action: 'CITIZEN_READ', subjectType: 'PERSON', subjectRef: id.normalized, purpose });
    return { idNumber: id.normalized };
  }
}

export function assertCitizenViewer(actor: Identity): void {
  if (actor.sub === 'anonymous') throw DomainException.unauthenticated();
  if (!hasRole(actor, Role.CLERK, Role.OFFICER, Role.SUPERVISOR)) throw DomainException.forbidden();
}
